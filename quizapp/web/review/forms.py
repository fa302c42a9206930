from flask_wtf import FlaskForm
from wtforms import FloatField, HiddenField, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from quizapp.domain.scheduling import zone
from quizapp.services.review_settings import (
    MORE_NEW_TODAY,
    NEW_PER_DAY,
    RETENTION,
    REVIEWS_PER_DAY,
    SettingsError,
    parse_learning_steps,
)


class RatingForm(FlaskForm):
    rating = IntegerField(validators=[DataRequired(), NumberRange(1, 4)])
    version = IntegerField(validators=[NumberRange(0)])
    duration_ms = IntegerField(validators=[Optional(), NumberRange(0, 3_600_000)])
    bank = HiddenField()


class MoreNewForm(FlaskForm):
    """Study N more today: how many more new cards, and today's limit as the page
    showed it (a second click finds it raised already and adds nothing)."""

    count = IntegerField(
        "More new cards today",
        invalid_value_message="Say how many more new cards, as a number.",
        validators=[
            InputRequired("Say how many more new cards."),
            NumberRange(
                *MORE_NEW_TODAY,
                f"Choose between {MORE_NEW_TODAY[0]} and {MORE_NEW_TODAY[1]:,} more new cards.",
            ),
        ],
    )
    limit = IntegerField(validators=[InputRequired(), NumberRange(0, 2 * MORE_NEW_TODAY[1])])
    bank = HiddenField()


class SettingsForm(FlaskForm):
    desired_retention = FloatField(
        "Desired retention",
        validators=[DataRequired(), NumberRange(*RETENTION, "Choose between 0.70 and 0.97.")],
        description="The share of cards you want to still remember when they come due. "
        "Raising it from 0.90 to 0.95 roughly doubles your daily reviews; lowering it saves "
        "time but you will forget more.",
    )
    new_per_day = IntegerField(
        "New cards per day",
        # InputRequired, not DataRequired: 0 (no new cards today) is a real answer
        validators=[InputRequired(), NumberRange(*NEW_PER_DAY)],
    )
    max_reviews_per_day = IntegerField(
        "Maximum reviews per day", validators=[DataRequired(), NumberRange(*REVIEWS_PER_DAY)]
    )
    learning_steps = StringField(
        "Learning steps",
        validators=[
            DataRequired(),
            Regexp(r"^\s*\d+[smhd](\s+\d+[smhd])*\s*$", message="Like: 1m 10m"),
        ],
        description="Intervals for new cards before FSRS takes over, e.g. 1m 10m.",
    )
    timezone = SelectField("Time zone", description="Your day starts at 4 a.m. here.")

    def validate_learning_steps(self, field: StringField) -> None:
        try:
            parse_learning_steps(field.data or "")
        except SettingsError as error:
            raise ValidationError(str(error)) from None

    def validate_timezone(self, field: SelectField) -> None:
        zone(field.data or "UTC")  # unknown names fall back to UTC


def timezone_choices() -> list[SelectChoice]:
    from zoneinfo import available_timezones

    return [SelectChoice(z, z) for z in sorted(available_timezones()) if "/" in z or z == "UTC"]
