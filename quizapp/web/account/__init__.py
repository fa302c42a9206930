from quizapp.web.account.views import bp

__all__ = ["bp"]
