"""Security headers (flask-talisman) and the reverse-proxy setting.

The content security policy allows scripts, styles and images from this site only:
the templates have no inline script or style, so an injected <script> would not
run even if escaping ever failed. Pages may not be framed (clickjacking).
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

talisman = Talisman()


def register(app: Flask) -> None:
    https = bool(app.config["HTTPS"])
    talisman.init_app(
        app,
        force_https=https,  # behind a TLS proxy, plain-HTTP requests are redirected
        strict_transport_security=https,
        session_cookie_secure=https,
        session_cookie_http_only=True,
        content_security_policy=CONTENT_SECURITY_POLICY,
        frame_options="DENY",
        referrer_policy="same-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()"},
    )
    proxies = int(app.config["PROXY_COUNT"])
    if proxies:
        # trust X-Forwarded-For/-Proto from this many proxies in front, so that rate
        # limits see the client's address and force_https sees the original scheme
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies
        )
