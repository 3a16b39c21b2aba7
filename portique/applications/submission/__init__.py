"""After submission: the record kept with it (``record``), the copy as submitted in PDF
(``copy_pdf``), the applicant's status page and timeline (``selectors``, ``views``) and the
change of address (``address_changes``)."""
