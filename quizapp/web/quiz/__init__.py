from quizapp.web.quiz.views import bp

__all__ = ["bp"]
