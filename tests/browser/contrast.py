"""WCAG contrast of an element's text against the background it is painted on, measured in
the page as the browser computed it."""

from __future__ import annotations

# the first opaque background from the element up; colours as rgb()/rgba() strings
CONTRAST_JS = """(element) => {
  const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  let back = element;
  while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
  const background = back ? rgb(getComputedStyle(back).backgroundColor) : [255, 255, 255];
  const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def contrast(locator) -> float:  # type: ignore[no-untyped-def]
    return float(locator.evaluate(CONTRAST_JS))
