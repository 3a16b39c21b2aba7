"""Turn an application's rows into the rules' ``Case``."""

from datetime import date

from portique.rules.case import Case, CasePerson

from .models import Application


def case_for(application: Application, *, application_date: date) -> Case:
    people = tuple(
        CasePerson(id=f"p{person.position}", role=person.role, answers=person.answers)
        for person in application.people.all()
    )
    return Case(program=application.program, application_date=application_date, people=people)
