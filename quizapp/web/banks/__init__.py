from quizapp.web.banks.views import bp

__all__ = ["bp"]
