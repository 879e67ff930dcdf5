"""Documents for circulation (docs/documents.md): one print template rendered to PDF by WeasyPrint
(`pdf`), the same data written as Word files with python-docx (`word`, `word_text`), both under
one description of the document (`meta`). Pure but for `views` (the routes): no Flask, the time
comes in."""
