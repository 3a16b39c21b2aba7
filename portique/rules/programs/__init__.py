"""Program definitions: each application type's forms, documents, fees and signatures."""
