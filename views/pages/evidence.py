"""Evidence page: the claims behind one milestone (?milestone=ID) or one matrix cell
(?nation=CN&capability=orbital_data_center)."""

from views.evidence_page import render_evidence_page
from views.page import setup

render_evidence_page(*setup())
