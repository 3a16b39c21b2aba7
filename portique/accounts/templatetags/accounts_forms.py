from django import template
from django.forms import BoundField

register = template.Library()


@register.simple_tag
def field_widget(field: BoundField) -> str:
    """The field's input, tied to its hint and error message for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_hint")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def is_radio(field: BoundField) -> bool:
    return field.widget_type in ("radioselect", "checkboxselectmultiple")


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return field.widget_type == "checkbox"


@register.filter
def officer_role_label(name: str) -> str:
    from portique.accounts.choices import OfficerRole

    try:
        return str(OfficerRole(name).label)
    except ValueError:
        return name
