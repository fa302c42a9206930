"""An OpenAI-compatible chat model on the operator's own server, when one is configured.

llama.cpp's server, Ollama, vLLM and LM Studio all answer POST {base}/chat/completions.
The URL, the model and an optional key come from the environment only (QUIZAPP_LLM_*):
users never choose where article text is sent. quizapp works fully without it; with it,
imports reword their fill-in-the-blank questions (domain/rewording.py).

The standard library's urllib does the one JSON POST this needs; an SDK would add a
dozen packages to every install for a feature most never turn on.
"""

from __future__ import annotations

import http.client
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quizapp.domain import rewording
from quizapp.domain.questions import Question
from quizapp.domain.rewording import LanguageModelError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LanguageModel:
    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key: str | None = None
    budget_seconds: float = 30.0  # for all the rewording of one import
    questions: int = 40  # how many of a bank's first questions it may reword

    def ask(self, messages: list[dict[str, str]], timeout: float) -> str:
        """The reply's text; LanguageModelError for anything but a good answer in time."""
        body = json.dumps(
            {"model": self.model, "messages": messages, "temperature": 0.2, "stream": False}
        ).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(  # noqa: S310  (an http(s) URL, checked in from_config)
            self.base_url.rstrip("/") + "/chat/completions", data=body, headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=max(timeout, 0.1)) as response:  # noqa: S310
                reply: Any = json.load(response)
        except urllib.error.HTTPError as error:
            raise LanguageModelError(f"the model's server answered {error.code}") from None
        except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out
            reason = getattr(error, "reason", error)
            raise LanguageModelError(f"the model's server did not answer ({reason})") from None
        except ValueError:
            raise LanguageModelError("the model's server did not answer in JSON") from None
        try:
            return str(reply["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError):
            raise LanguageModelError("the model's answer had no message") from None


def from_config(config: Mapping[str, Any]) -> LanguageModel | None:
    """The configured model, or None: both LLM_URL and LLM_MODEL must be set."""
    url, model = config.get("LLM_URL"), config.get("LLM_MODEL")
    if not url or not model:
        return None
    if not str(url).startswith(("http://", "https://")):
        raise ValueError(f"QUIZAPP_LLM_URL must be an http(s) URL, not {url!r}")
    return LanguageModel(
        base_url=str(url),
        model=str(model),
        api_key=config.get("LLM_API_KEY") or None,
        budget_seconds=float(config.get("LLM_BUDGET_SECONDS", 30)),
        questions=int(config.get("LLM_QUESTIONS", 40)),
    )


def improve_wording(questions: list[Question], model: LanguageModel | None) -> None:
    """Reword a new bank's fill-in-the-blank questions with the model, if there is one.
    Never fails an import: what the model cannot do keeps the generator's wording."""
    if model is None:
        return
    outcome = rewording.reword(
        questions, model.ask, limit=model.questions, seconds=model.budget_seconds
    )
    log.info(
        "language model %s reworded %d of %d questions%s",
        model.model,
        outcome.reworded,
        outcome.asked,
        f"; stopped: {outcome.stopped}" if outcome.stopped else "",
    )
