from django import template

register = template.Library()


@register.simple_tag
def representation_of(application):
    """The latest representation of ``application``, ended or not (for the officer's file), or None.

    An ended one is still shown: who represented the applicant when it was submitted matters
    (IRPR 10(2)(c.1)–(c.3)).
    """
    return application.representations.order_by("-created_at", "-id").first()
