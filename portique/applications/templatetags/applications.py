"""Template filters of the applicant's pages and e-mails."""

from django import template

register = template.Library()


@register.filter
def greeting_name(recipient, application) -> str:
    """The name to greet ``recipient`` by in an e-mail about ``application``: their account's
    name (a representative's or an officer's, given at sign-up), else, for the account holder,
    the name they gave on their first form; "" when no name is known (an e-mail never greets
    a person by their address)."""
    from portique.applications.people.selectors import person_name

    name = recipient.get_full_name() if hasattr(recipient, "get_full_name") else ""
    if name or application is None or getattr(recipient, "pk", None) != application.owner_id:
        return name
    holder = application.people.filter(position=0).first()
    return person_name(holder, application.definition) if holder is not None else ""
