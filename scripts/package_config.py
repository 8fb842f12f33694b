#!/usr/bin/env python3
"""Writes the configuration the Tauri CLI bundles with, from the one in the repository.

The CLI wants its configuration beside the app crate's Cargo.toml (src-tauri/), while the
project keeps tauri.conf.json at the top, where `cargo build` and tauri-build read it. So, for
packaging only, this writes src-tauri/tauri.conf.json (git-ignored): the top-level file, merged
with its platform file (tauri.linux.conf.json ...) as Tauri merges them, with every relative
path made absolute (the CLI resolves paths from src-tauri/), the editors' command-line tool
added as a sidecar, and the AppStream file's placeholders filled in. Nothing is configured
here that is not in the top-level files.

usage: package_config.py PLATFORM REPOSITORY   (PLATFORM: linux, windows or macos)
"""
import gzip
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
GENERATED = ROOT / "src-tauri" / "gen" / "package"
# The `reader` tool, installed beside the app under a name no other package uses.
SIDECAR = ROOT / "src-tauri" / "binaries" / "iom-lao-reader-cli"


def merge(base, patch):
    """JSON Merge Patch (RFC 7396), as Tauri merges a platform file into the main one."""
    if not isinstance(patch, dict):
        return patch
    result = dict(base) if isinstance(base, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge(result.get(key), value)
    return result


def absolute(path):
    return str((ROOT / path).resolve())


def main(platform, repository):
    config = json.loads((ROOT / "tauri.conf.json").read_text(encoding="utf-8"))
    platform_file = ROOT / f"tauri.{platform}.conf.json"
    if platform_file.exists():
        config = merge(config, json.loads(platform_file.read_text(encoding="utf-8")))

    config["build"]["frontendDist"] = absolute(config["build"]["frontendDist"])
    bundle = config["bundle"]
    bundle["icon"] = [absolute(p) for p in bundle["icon"]]
    bundle["externalBin"] = [str(SIDECAR)]

    GENERATED.mkdir(parents=True, exist_ok=True)
    for kind in ("deb", "rpm"):
        linux = bundle.get("linux", {}).get(kind, {})
        for key in ("desktopTemplate", "changelog"):
            if key in linux:
                linux[key] = absolute(linux[key])
        for target, source in linux.get("files", {}).items():
            source_path = ROOT / source
            if source_path.name.endswith(".metainfo.xml"):
                filled = GENERATED / source_path.name
                filled.write_text(
                    source_path.read_text(encoding="utf-8")
                    .replace("@REPOSITORY@", repository)
                    .replace("@VERSION@", config["version"]),
                    encoding="utf-8",
                )
                source_path = filled
            elif target.endswith(".gz") and source_path.suffix != ".gz":
                # Manual pages are installed compressed, reproducibly (no name or time inside).
                packed = GENERATED / pathlib.Path(target).name
                packed.write_bytes(gzip.compress(source_path.read_bytes(), 9, mtime=0))
                source_path = packed
            linux["files"][target] = str(source_path.resolve())

    out = ROOT / "src-tauri" / "tauri.conf.json"
    out.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(out)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("linux", "windows", "macos"):
        sys.exit(__doc__.split("usage: ")[1])
    main(sys.argv[1], sys.argv[2])
