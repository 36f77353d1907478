"""Step worksheets: one definition per step (data/worksheets/<step id>.yml) and the code that
turns each into a form in the step page, a fillable PDF, a DOCX and an ODT.

model.py    what a definition may say (pydantic)
load.py     read and check the definitions, resolve the data lists they name
view.py     one worksheet in one language: the structure every output renders
html.py     the form in the page and the worksheets index (pure renderers)
pdf.py, word.py, odt.py   the downloads; fonts.py cuts the PDF font down
cache.py    content-addressed cache; build.py generates and publishes; hooks.py wires the build
"""
