"""Files people upload, checked by their content: the types the portal takes, the
inspection every upload goes through (applicants' documents, an officer's paper forms,
a representative's identity document), the streaming size limit, download names and
sizes as people read them. No models: the documents, accounts and casework apps keep
their files; this package only says whether a file is what it claims to be.
"""
