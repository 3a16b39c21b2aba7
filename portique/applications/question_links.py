"""Where a question is answered: the address of a section, of the page of a long section that
asks a question, and of the question a finding is about (issue 14: every finding shown to the
applicant links to its question, and a link into a section asked over several pages opens the
page that asks it, not the section's first page).

Every page that links to a section builds the address here, so the page (``?page=``) and the
question's anchor (``#id_<question>``, the id its input or its group of radio buttons has on the
section page) are computed in one place.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from portique.rules.forms.model import Form, Section

from .models import Application, Person


def section_address(application: Application, person: Person, form: Form, section_code: str) -> str:
    """The page of one section of one person's form, without page or question.

    In a program that starts with one applicant, their own form keeps its short address
    (``/form/<section>/``), the one links and bookmarks have always used; every other
    person and form is addressed by position and form. Both addresses serve the same page
    (``views.person_section``).
    """
    definition = application.definition
    own_form = definition.forms_for(definition.account_holder_role)[0].code
    if person.position == 0 and len(definition.starting_roles) == 1 and form.code == own_form:
        return reverse("applications:section", args=[application.public_id, section_code])
    return reverse(
        "applications:person_section", args=[application.public_id, person.position, form.code, section_code]
    )


def question_anchor(section: Section, field: str, row: int | None = None) -> str:
    """The id of a question on its section's page: ``id_<field>``, or in a repeating section's
    row ``id_<section>-<index>-<field>`` (the rows are a formset prefixed by the section's code)."""
    if section.repeating:
        return f"id_{section.code}-{row - 1}-{field}" if row else ""
    return f"id_{field}"


def section_url(
    application: Application,
    person: Person,
    form: Form,
    section_code: str,
    *,
    field: str = "",
    row: int | None = None,
    page: str = "",
    from_check: bool = False,
) -> str:
    """The address that opens ``section_code`` where ``field`` is asked: on the page of a long
    section that holds it, scrolled to the question. Without ``field``, the section's first page
    (or ``page``). ``from_check``: saving goes back to the check-your-answers page."""
    address = section_address(application, person, form, section_code)
    section = form.section(section_code)
    anchor = ""
    if field:
        holding = section.page_of(field)
        page = holding.code if holding is not None else page
        anchor = question_anchor(section, field, row)
    query = {}
    if page and section.pages:
        query["page"] = page
    if from_check:
        query["from"] = "check"
    return f"{address}{'?' + urlencode(query) if query else ''}{'#' + anchor if anchor else ''}"


class QuestionLinks:
    """The links of one application's findings to their questions (its people read once)."""

    def __init__(self, application: Application):
        self.application = application
        self.definition = application.definition
        self._people = {person.position: person for person in application.people.all()}

    def where(self, subject: str | None) -> tuple[Person, Form, Section, str, int | None] | None:
        """The person, form, section, question and row a finding's subject names; None when it
        is not about a form's answers (a document, a fee, the person as a whole).

        Subjects read ``p0/IMM5444/personal.family_name`` (a question), ``p0/IMM5669/history.stays.2.start``
        (a question of a table's row), ``p0/IMM5444/addresses`` or ``p0/personal`` (a section).
        """
        parts = (subject or "").split("/", 2)
        if len(parts) < 2 or not parts[0].startswith("p") or not parts[0][1:].isdigit():
            return None
        person = self._people.get(int(parts[0][1:]))
        if person is None:
            return None
        forms = self.definition.forms_for(person.role)
        by_code = {form.code: form for form in forms}
        if parts[1] in by_code:
            form, location = by_code[parts[1]], (parts[2] if len(parts) > 2 else "")
        elif forms and len(parts) == 2:
            form, location = forms[0], parts[1]
        else:
            return None
        # The longest prefix wins: "relationship.marriage.date" is in the nested marriage section.
        matching = [
            section
            for section in form.sections
            if location == section.subject_prefix or location.startswith(section.subject_prefix + ".")
        ]
        if not matching:
            return None
        section = max(matching, key=lambda candidate: len(candidate.subject_prefix))
        rest = location[len(section.subject_prefix) + 1 :].split(".")
        row = None
        if section.repeating and rest and rest[0].isdigit():
            row, rest = int(rest[0]), rest[1:]
        field = rest[0] if rest and rest[0] in {question.code for question in section.fields} else ""
        return person, form, section, field, row

    def url(self, subject: str | None, *, from_check: bool = False) -> str:
        """The page and question a finding is about, or "" when it is not about a question."""
        found = self.where(subject)
        if found is None:
            return ""
        person, form, section, field, row = found
        return section_url(
            self.application, person, form, section.code, field=field, row=row, from_check=from_check
        )
