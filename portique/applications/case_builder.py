"""Turn an application's rows into the rules' ``Case``: answers, documents and payments."""

from datetime import date

from portique.rules.case import Case, CasePerson

from .models import Application


def case_for(application: Application, *, application_date: date) -> Case:
    # Imported here: documents and payments build on applications, not the reverse.
    from portique.documents.selectors import case_documents_for
    from portique.payments.selectors import case_payments

    people = tuple(
        CasePerson(id=f"p{person.position}", role=person.role, answers=person.answers)
        for person in application.people.all()
    )
    return Case(
        program=application.program,
        application_date=application_date,
        people=people,
        documents=case_documents_for(application),
        payments=case_payments(application),
    )
