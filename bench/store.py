"""Cost of linking entities to cross-article identities when articles are saved: with vs without, same run.

    python bench/store.py [--articles N] [--repeat R]

Saves N synthetic articles (people by full name and by lone surname, organisations, places, quotes) into a
fresh SQLite store, once as `ingest` does (one transaction per article) and once in a single batch, with the
real store and with one whose linking step is switched off. Prints the best of R runs and the ratios.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from veille.model import Article, Cue, Entity, Mention, Quote, Speaker  # noqa: E402
from veille.store import SQLiteStore  # noqa: E402
from veille.store.names import normalise  # noqa: E402

SEED = 4
FIRST_NAMES = "Jean Marie Pierre Anne Louis Claire Paul Sophie Michel Julie Alain Nathalie Éric Hélène".split()
SURNAMES = ("Dupont Martin Bernard Durand Lefèvre Moreau Laurent Simon Michel Garcia Roux Fournier Girard "
            "Bonnet Mercier Blanc Guérin Muller Henry Rousseau Nicolas Perrin Morin Mathieu Clément").split()
ORGS = ["Parti socialiste", "Assemblée nationale", "ONU", "OTAN", "Union européenne", "Renault", "SNCF",
        "Le Monde", "CGT", "Banque de France", "Conseil d'État", "Airbus", "TotalEnergies", "Sénat"]
PLACES = ["France", "Paris", "Lyon", "Marseille", "Russie", "Chine", "Allemagne", "Bruxelles", "Ukraine",
          "Corée du Nord", "Washington", "Moscou", "Pékin", "Toulouse", "Lille", "Nantes"]
ENTITIES_PER_ARTICLE = 12
QUOTES_PER_ARTICLE = 4


class UnlinkedStore(SQLiteStore):
    """The same store with the identity step switched off: the baseline."""

    def _link(self, article: Article) -> None:
        pass


def entity(index: int, name: str, etype: str, rng: random.Random) -> Entity:
    mentions = [Mention(text=name, start=0, end=len(name))] * rng.randint(1, 4)
    aliases = [name.split()[-1]] if etype == "PER" and " " in name else []
    return Entity(id=f"e{index}", name=name, type=etype, aliases=aliases, mentions=mentions)


def person(rng: random.Random) -> str:
    # One time in four a person is named by surname alone: the surname rule has work to do.
    surname = rng.choice(SURNAMES)
    return surname if rng.random() < 0.25 else f"{rng.choice(FIRST_NAMES)} {surname}"


def article(number: int, rng: random.Random) -> Article:
    names = {}
    while len(names) < ENTITIES_PER_ARTICLE:
        etype = rng.choice(["PER", "PER", "PER", "ORG", "LOC"])
        name = person(rng) if etype == "PER" else rng.choice(ORGS if etype == "ORG" else PLACES)
        names.setdefault(name, etype)
    entities = [entity(i, name, etype, rng) for i, (name, etype) in enumerate(names.items())]
    speakers = [e.id for e in entities if e.type == "PER"]
    quotes = [Quote(id=f"q{i}", type="direct", text="« Oui »", start=0, end=7,
                    speaker=Speaker(entity=rng.choice(speakers)), cue=Cue(text="a dit", start=0, end=5, lemma="dire"))
              for i in range(QUOTES_PER_ARTICLE)]
    text = f"Article {number}. " + " ".join(names) + " " + "Du texte. " * 200
    return Article(id=f"a{number}", title=f"Article {number}", published=f"2024-01-{number % 28 + 1:02}",
                   text=text, entities=entities, quotes=quotes)


def timed_save(store_class, articles: list[Article], batch: bool) -> float:
    normalise.cache_clear()  # every run starts cold, as a fresh `ingest` does
    with tempfile.TemporaryDirectory() as tmp:
        with store_class(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            if batch:
                store.add_many(articles)
            else:
                for a in articles:
                    store.add(a)
            return time.perf_counter() - start


def best(store_class, articles: list[Article], batch: bool, repeat: int) -> float:
    return min(timed_save(store_class, articles, batch) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(SEED)
    articles = [article(i, rng) for i in range(args.articles)]
    print(f"{len(articles)} articles, {ENTITIES_PER_ARTICLE} entities and {QUOTES_PER_ARTICLE} quotes each; "
          f"best of {args.repeat}")
    for label, batch in [("one transaction per article (ingest)", False), ("one batch (add_many)", True)]:
        plain = best(UnlinkedStore, articles, batch, args.repeat)
        linked = best(SQLiteStore, articles, batch, args.repeat)
        print(f"{label:38} without identities {plain:6.2f}s ({len(articles) / plain:6.0f}/s)   "
              f"with {linked:6.2f}s ({len(articles) / linked:6.0f}/s)   ratio ×{linked / plain:.2f}")
    with SQLiteStore(":memory:") as store:
        store.add_many(articles)
        start = time.perf_counter()
        counts = store.relink()
        print(f"relink: {counts['links']} entities to {counts['identities']} identities in "
              f"{time.perf_counter() - start:.2f}s")


if __name__ == "__main__":
    main()
