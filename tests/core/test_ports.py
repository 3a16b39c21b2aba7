"""The application's workflow reaches the apps built on it through applications.ports."""

import pytest

from portique.applications import ports


def test_every_port_is_provided_by_an_installed_app():
    missing = [name for name, port in ports.all_ports().items() if not port.provided]
    assert missing == []


def test_a_port_nobody_provides_says_which_app_is_missing():
    from django.core.exceptions import ImproperlyConfigured

    orphan = ports.Port("portique.example", "an example fact")
    with pytest.raises(ImproperlyConfigured, match="portique.example"):
        orphan()
