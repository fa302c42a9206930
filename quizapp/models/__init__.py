"""All models, imported here so that Alembic sees the whole schema."""

from quizapp.models.article import Article
from quizapp.models.bank import Bank, Fact, Question, QuestionStatus, Visibility
from quizapp.models.card import Card, ReviewLog
from quizapp.models.quiz import AttemptAnswer, QuizAttempt
from quizapp.models.sign_in import SignIn
from quizapp.models.token import ApiToken
from quizapp.models.user import User

__all__ = [
    "ApiToken",
    "Article",
    "AttemptAnswer",
    "Bank",
    "Card",
    "Fact",
    "Question",
    "QuestionStatus",
    "QuizAttempt",
    "ReviewLog",
    "SignIn",
    "User",
    "Visibility",
]
