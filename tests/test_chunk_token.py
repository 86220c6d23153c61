"""A chunk's name for Dask (`Chunk.__dask_tokenize__`): Prefect's Dask client submits tasks as
pure, so Dask names each task by a hash of its arguments. The chunk gives its number and its
documents' content hashes instead of having every page pickled and hashed in the flow's process."""

from __future__ import annotations

from collections import Counter

from dask.base import tokenize

from sources.documents import Document, Failure
from warta.chunks import Chunk

PAGE = "<html><body><p>" + "Berita panjang sekali. " * 50_000 + "</p></body></html>"


def _docs(*contents: str) -> list[Document]:
    return [Document(source=f"https://berita.example/{i}", kind="html", content=c) for i, c in enumerate(contents)]


def test_the_token_is_made_of_hashes_not_of_the_pages() -> None:
    chunk = Chunk(3, _docs(PAGE, PAGE + "x"))
    token = chunk.__dask_tokenize__()
    assert len(repr(token)) < 1_000 < len(PAGE)
    assert chunk.documents[0].content_hash in repr(token)


def test_chunks_that_differ_get_different_names_and_equal_ones_the_same() -> None:
    docs = _docs("satu", "dua")
    same = tokenize(Chunk(1, docs)) == tokenize(Chunk(1, _docs("satu", "dua")))
    assert same
    assert tokenize(Chunk(1, docs)) != tokenize(Chunk(2, docs))
    assert tokenize(Chunk(1, docs)) != tokenize(Chunk(1, _docs("satu", "tiga")))
    assert tokenize(Chunk(1, docs)) != tokenize(Chunk(1, docs, [Failure("https://berita.example/x", "fetch", "404")]))
    assert tokenize(Chunk(1, [])) != tokenize(Chunk(1, [], unchanged=Counter({"feed": 2})))
