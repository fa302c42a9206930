from quizapp.web.review.views import bp

__all__ = ["bp"]
