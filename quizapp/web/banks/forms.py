from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional


class ImportForm(FlaskForm):
    title = StringField(
        "Title",
        validators=[Optional(), Length(max=300)],
        description="Leave empty to use the article's own headline.",
    )
    text = TextAreaField("Paste the article", validators=[Optional()])
    file = FileField(
        "…or upload a file",
        validators=[
            FileAllowed(
                [
                    "txt",
                    "md",
                    "markdown",
                    "html",
                    "htm",
                    "pdf",
                    "json",
                    "csv",
                    "tsv",
                    "gift",
                    "apkg",
                ],
                "Upload an article (.txt, .md, .html, .pdf) or a bank (.json, .csv, .tsv, "
                ".gift, .apkg).",
            )
        ],
    )
    visibility = SelectField(
        "Who can see it",
        choices=[SelectChoice("private", "Only me"), SelectChoice("public", "Everyone")],
        default="private",
    )


class QuestionForm(FlaskForm):
    prompt = TextAreaField("Question", validators=[DataRequired(), Length(max=4000)])
    answer = StringField("Answer", validators=[DataRequired(), Length(max=500)])
    choices = TextAreaField(
        "Choices (one per line)",
        validators=[Optional(), Length(max=4000)],
        description="For multiple choice only; the answer must be one of them.",
    )
    explanation = TextAreaField("Explanation", validators=[Optional(), Length(max=4000)])


class ActionForm(FlaskForm):
    """A bare form for buttons that change something: it carries the CSRF token."""


class DetailsForm(FlaskForm):
    name = StringField("Title", validators=[DataRequired(), Length(max=300)])
    publisher = StringField("Publisher", validators=[Optional(), Length(max=200)])
    published_on = DateField("Published on", validators=[Optional()])
    source = StringField("Source (address or file name)", validators=[Optional(), Length(max=1000)])
