"""The ceiling for bench/load.py: a bare Flask app, one template, one 10-row query.

Served by the same gunicorn settings as quizapp, it measures what the machine,
gunicorn, Flask, Jinja and SQLAlchemy cost before any of quizapp's own work.
"""

from __future__ import annotations

import os

from flask import Flask, render_template
from sqlalchemy import Integer, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


engine = create_engine(os.environ.get("BARE_DATABASE_URL", "sqlite:///bare.sqlite3"))
Base.metadata.create_all(engine)
with Session(engine) as session:
    if session.scalar(select(Item).limit(1)) is None:
        session.add_all(Item(name=f"item {n}") for n in range(100))
        session.commit()

app = Flask(__name__, template_folder="templates")


@app.get("/")
def index() -> str:
    with Session(engine) as session:
        items = session.scalars(select(Item).order_by(Item.id).limit(10)).all()
    return render_template("bare.html", items=items)
