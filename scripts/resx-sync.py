#!/usr/bin/env python3
"""Adds every UI string the Razor pages pass to the localizers (L["..."], S["..."], l["..."])
to Resources/SharedResource.resx, with the English text as its value, and lists the keys each translation
(SharedResource.vi.resx, SharedResource.fr.resx) still lacks; also adds extra keys given
on the command line (enum names). CamelCase enum names get a readable value ("InProgress" ->
"In progress"). Run from the repository root: python3 scripts/resx-sync.py [Key ...]"""
import html, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
resx = root / "src/Catalogue.Web/Resources/SharedResource.resx"
text = resx.read_text(encoding="utf-8")
have = set(html.unescape(m) for m in re.findall(r'<data name="([^"]*)"', text))

pattern = re.compile(r'\b[LSl]\["((?:[^"\\]|\\.)*)"')
found = []
for path in (root / "src/Catalogue.Web").rglob("*"):
    if path.suffix in (".cshtml", ".cs") and "/obj/" not in str(path) and "/bin/" not in str(path):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            found.append(m.group(1).replace('\\"', '"'))
found += sys.argv[1:]

def readable(key: str) -> str:
    if re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", key):
        words = re.findall(r"[A-Z][a-z]+", key)
        return " ".join([words[0]] + [w.lower() for w in words[1:]])
    return key

added = []
for key in found:
    if key not in have:
        have.add(key)
        added.append(key)
entries = "".join(
    f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(readable(k), quote=False)}</value>\n  </data>\n'
    for k in added)
resx.write_text(text.replace("</root>", entries + "</root>"), encoding="utf-8")
print(f"added {len(added)} keys", *added, sep="\n  ")

# The translations must hold every key (LocalizationResourceTests checks): say which ones still need writing.
for translation in sorted(resx.parent.glob("SharedResource.*.resx")):
    theirs = set(html.unescape(m) for m in re.findall(r'<data name="([^"]*)"', translation.read_text(encoding="utf-8")))
    missing = sorted(have - theirs)
    if missing:
        print(f"{translation.name}: {len(missing)} keys to translate", *missing, sep="\n  ")
