"""What other contexts may listen to, so that applications depends on none of them."""

from django.dispatch import Signal

# Sent after the submission's transaction commits, with ``application``. The officers'
# side screens the application for completeness at that moment (IRPR s.10).
application_submitted = Signal()
