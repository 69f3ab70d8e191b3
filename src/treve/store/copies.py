"""Near-copies across runs: every first copy stored keeps its MinHash signature and its LSH band keys, so that a
syndicated copy stored tomorrow, or by another process, is linked to its first copy rather than stored as a new
story whose events count twice.

The test and the keys are the run's (treve.stages.identity.CopyRule); the store only keeps them. On PostgreSQL a
writer holds an advisory lock per band key of each article it links (taken before any clustering lock, in one
order), so two writers storing copies of one story at once see each other: the second finds the first's keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHash
from sqlalchemy import Connection, select

from treve.records import Article
from treve.stages.identity import CopyIndex, CopyRule, signature_bytes, signature_from
from treve.store.clustering import lock_key, take_advisory_locks
from treve.store.schema import ArticleRow, ArticleSignatureRow, CopyKeyRow

INDEX_CHUNK = 1_000
"""First copies indexed per step when a store from before the copy index is opened."""


def stored_first_copy(connection: Connection, signature: MinHash, rule: CopyRule) -> str | None:
    """The id of the earliest stored first copy that `signature`'s text copies, if any."""
    rows = connection.execute(
        select(ArticleSignatureRow.article_id, ArticleSignatureRow.signature, ArticleRow.stored_at)
        .join(ArticleRow, ArticleRow.id == ArticleSignatureRow.article_id)
        .where(
            ArticleSignatureRow.article_id.in_(
                select(CopyKeyRow.article_id).where(CopyKeyRow.key.in_(rule.band_keys(signature)))
            )
        )
    )
    copied = [
        (stored_at, article_id)
        for article_id, data, stored_at in rows
        if rule.same_story(signature_from(data), signature)
    ]
    return min(copied)[1] if copied else None


def link_stored_copies(
    connection: Connection, batch: Sequence[Article], rule: CopyRule
) -> tuple[list[Article], dict[str, MinHash]]:
    """The batch with each new article that copies a stored first copy, or an earlier first copy of the batch,
    marked as its copy, its events left out (they are its first copy's); and the signatures of the batch's first
    copies, to index once they are stored."""
    ids = [article.id for article in batch]
    already = set(connection.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(ids))))
    unlinked = [article for article in batch if article.duplicate_of is None and article.id not in already]
    signatures = {article.id: rule.signature(article.text) for article in unlinked}
    keys = {key for signature in signatures.values() for key in rule.band_keys(signature)}
    take_advisory_locks(connection, sorted(lock_key("copy", key) for key in keys))
    in_batch = CopyIndex(rule)
    linked: list[Article] = []
    for article in batch:
        signature = signatures.get(article.id)
        if signature is None:
            linked.append(article)
            continue
        first = in_batch.first_copy(signature) or stored_first_copy(connection, signature, rule)
        if first is None:
            in_batch.add(article.id, signature)
            linked.append(article)
        else:
            del signatures[article.id]
            linked.append(article.model_copy(update={"duplicate_of": first, "events": []}))
    return linked, signatures


def index_first_copies(connection: Connection, signatures: dict[str, MinHash], rule: CopyRule) -> None:
    """Keep the signature and band keys of each first copy just stored."""
    if not signatures:
        return
    connection.execute(
        ArticleSignatureRow.__table__.insert(),
        [{"article_id": article_id, "signature": signature_bytes(sig)} for article_id, sig in signatures.items()],
    )
    connection.execute(
        CopyKeyRow.__table__.insert(),
        [
            {"key": key, "article_id": article_id}
            for article_id, sig in signatures.items()
            for key in rule.band_keys(sig)
        ],
    )


def index_stored_first_copies(connection: Connection, rule: CopyRule) -> None:
    """Index the first copies stored before the copy index existed."""
    unindexed = (
        select(ArticleRow.id, ArticleRow.text)
        .where(
            ArticleRow.duplicate_of.is_(None),
            ArticleRow.id.not_in(select(ArticleSignatureRow.article_id)),
        )
        .order_by(ArticleRow.stored_at, ArticleRow.id)
        .limit(INDEX_CHUNK)
    )
    while rows := connection.execute(unindexed).all():
        index_first_copies(connection, {row.id: rule.signature(row.text) for row in rows}, rule)
