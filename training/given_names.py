"""Build ``src/newsclean/data/given_names.txt``: people's given names in many languages, from the person
providers of Faker (MIT licence, https://github.com/joke2k/faker), which list the common first names of
each of its locales.

    pip install faker && python -m training.given_names

Only the names are taken (one a line, sorted, case kept). newsclean reads the file to tell a person's
name from an organisation's where nothing else can ("Sam Bossley" is someone, "Eat What Tonight" is not);
Faker itself is not needed at run time.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsclean" / "data" / "given_names.txt"
FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
MIN_CHARS = 2  # one-letter "names" are initials


def given_names() -> set[str]:
    import faker.providers.person as person  # a build-time dependency only

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in FIRST_NAME_LISTS:
            value = next((cls.__dict__[attr] for cls in provider.__mro__ if attr in cls.__dict__), None)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple)):
                names.update(n.strip() for n in value if isinstance(n, str) and len(n.strip()) >= MIN_CHARS
                             and " " not in n.strip())
    return names


def main() -> None:
    names = sorted(given_names())
    OUT.write_text("\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main()
