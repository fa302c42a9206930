import secrets

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.domain.questions import QUESTION_TYPES
from quizapp.services.quizzes import START_KEY
from quizapp.wording import question_type_name


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class QuizSettingsForm(FlaskForm):
    count = SelectField(
        "Questions",
        choices=[
            SelectChoice(v, label)
            for v, label in (("5", "5"), ("10", "10"), ("20", "20"), ("all", "All"))
        ],
        default="10",
    )
    types = MultiCheckboxField(
        "Types",
        choices=[SelectChoice(t, question_type_name(t)) for t in QUESTION_TYPES],
        default=list(QUESTION_TYPES),
        validators=[DataRequired(message="Choose at least one type of question.")],
    )
    order = RadioField(
        "Order",
        choices=[
            SelectChoice("unseen", "New to me first"),
            SelectChoice("best", "Most important first"),
            SelectChoice("shuffled", "Shuffled"),
        ],
        default="unseen",
    )
    feedback = RadioField(
        "Feedback",
        choices=[SelectChoice("each", "After each question"), SelectChoice("end", "At the end")],
        default="each",
    )
    # new with every page: a second submit of this page finds the quiz the first started
    # (one that is not a key, from an old page or a hand-made request, starts a quiz)
    start_key = HiddenField(
        default=lambda: secrets.token_urlsafe(16),
        filters=[lambda key: key if key and START_KEY.fullmatch(key) else None],
    )


class AnswerForm(FlaskForm):
    answer = StringField(
        "Your answer", validators=[DataRequired("Give an answer."), Length(max=500)]
    )
