"""A corpus of certificates in many providers' layouts, each in three forms, with its truth.

Used by `make quality` (bench/quality.py) to measure how well certificates are read.
The layouts live in eight modules: `tuned` (the reader may be tuned against these; their misses
can be printed; the `redrawn` set draws them again), `fresh`, `fresh2`, `fresh3`, `fresh4`,
`fresh5` and `fresh6` (a second, a third, a fourth, a fifth, a sixth and a seventh set of layouts
to tune on, drawn after the tuned set had been tuned on for long) and `heldout`
(only counted: nobody working on the reader opens it or looks at its misses, so that its figures
say how the reader does on layouts it has never seen).

    model     what a certificate says (Person, Course, Cert) and how a layout is declared
    world     the sample world (samples/reference) and the seeded choice of each page's credit
    pen       drawing helpers over reportlab: fonts, centred text, dot leaders, tables, prose
    forms     a page as a text-layer PDF, a scan (greyscale JPEG) or a fax (1-bit CCITT)
    build     the plan of files (singles and stacks, blank backs), generation and the truth table
"""
