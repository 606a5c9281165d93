"""`notelint rules` (the rule list), `notelint rule CODE` (one rule's documentation) and `notelint config`
(the effective settings for a path, and where each value came from)."""
from __future__ import annotations

import argparse
import json
import os

from .common import EXIT_OK, UsageError, add_output_options, open_output, use_color
from ..reading.source import SourceError


def register(sub) -> None:
    rules = sub.add_parser("rules", help="list every rule: code, name, default severity, summary")
    add_output_options(rules, ("text", "json"), "text")
    rules.add_argument("--config", metavar="FILE", help="read extra rule packs (`extend`) from this configuration")
    rules.add_argument("path", nargs="?", default=None, help="show the rules and selection in effect for this path")
    rules.set_defaults(handler=run_rules)

    rule = sub.add_parser("rule", help="show one rule's documentation: what it flags, why, examples, options")
    rule.add_argument("code", metavar="CODE", help="a rule code (NL102) or name (insertion-splits-sentence)")
    add_output_options(rule, ("text", "json"), "text")
    rule.add_argument("--config", metavar="FILE", help="read extra rule packs (`extend`) from this configuration")
    rule.set_defaults(handler=run_rule)

    config = sub.add_parser("config", help="show the effective settings for a path and where each came from")
    config.add_argument("path", nargs="?", default=".", help="a file or folder (default: .)")
    config.add_argument("--config", metavar="FILE", help="use this configuration file")
    add_output_options(config, ("text", "json"), "text")
    config.set_defaults(handler=run_config)


def _settings(args: argparse.Namespace, path: str | None = None):
    from ..linting.config import load_settings

    overrides = {"config": args.config} if getattr(args, "config", None) else {}
    return load_settings(path or getattr(args, "path", None) or ".", overrides)


def run_rules(args: argparse.Namespace) -> int:
    from ..linting.rules import load_rules, rules_for

    settings = _settings(args)
    rules = load_rules(settings.extend)
    enabled = {r.code for r in rules_for(settings, None)}
    out = open_output(args)
    if args.output_format == "json":
        data = [dict(r.to_json(), enabled=r.code in enabled, severity=settings.severity_of(r.code, r.severity))
                for r in rules]
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    rows = [(r.code, r.name, settings.severity_of(r.code, r.severity), "" if r.code in enabled else "off", r.summary)
            for r in rules]
    if use_color(args, out):
        from rich.console import Console
        from rich.table import Table

        table = Table(box=None, header_style="bold", pad_edge=False)
        for title in ("code", "name", "severity", "", "summary"):
            table.add_column(title)
        for row in rows:
            table.add_row(*row, style="dim" if row[3] else None)
        Console(file=out, force_terminal=True).print(table)
    else:
        for code, name, severity, off, summary in rows:
            out.write(f"{code:<7} {name:<30} {severity:<8} {off:<3} {summary}\n")
    return EXIT_OK


def rule_doc_text(rule) -> str:
    """A rule's documentation in ruff's shape: what it does, why it matters, example, use instead, options."""
    parts = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    if rule.what:
        parts += ["What it flags", "", rule.what, ""]
    if rule.why:
        parts += ["Why it matters", "", rule.why, ""]
    if rule.bad_example:
        parts += ["Example", "", *("    " + line for line in rule.bad_example.splitlines()), ""]
    if rule.good_example:
        parts += ["Use instead", "", *("    " + line for line in rule.good_example.splitlines()), ""]
    parts += ["Scope: " + ", ".join(rule.scope)]
    if rule.options:
        parts += ["", "Options (set under [tool.notelint.options." + rule.code + "])", ""]
        parts += [f"    {name} = {json.dumps(value)}" for name, value in rule.options.items()]
    return "\n".join(parts).rstrip() + "\n"


def run_rule(args: argparse.Namespace) -> int:
    from ..linting.rules import load_rules, rule_by_code

    settings = _settings(args, ".")
    rule = rule_by_code(args.code, load_rules(settings.extend))
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (see `notelint rules`)")
    out = open_output(args)
    if args.output_format == "json":
        json.dump(rule.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    text = rule_doc_text(rule)
    if use_color(args, out):
        from rich.console import Console
        from rich.markdown import Markdown

        md = [f"# {rule.code} `{rule.name}` ({rule.severity})", "", rule.summary, ""]
        if rule.what:
            md += ["## What it flags", "", rule.what, ""]
        if rule.why:
            md += ["## Why it matters", "", rule.why, ""]
        if rule.bad_example:
            md += ["## Example", "", "```text", rule.bad_example, "```", ""]
        if rule.good_example:
            md += ["## Use instead", "", "```text", rule.good_example, "```", ""]
        md += [f"Scope: {', '.join(rule.scope)}"]
        if rule.options:
            md += ["", f"## Options (`[tool.notelint.options.{rule.code}]`)", ""]
            md += [f"- `{name} = {json.dumps(value)}`" for name, value in rule.options.items()]
        Console(file=out, force_terminal=True).print(Markdown("\n".join(md)))
    else:
        out.write(text)
    return EXIT_OK


def run_config(args: argparse.Namespace) -> int:
    from ..linting.rules import rules_for

    if not os.path.exists(args.path):
        raise SourceError(args.path, "no such file or directory")
    settings = _settings(args, args.path)
    data = settings.to_json()
    data["enabled"] = [r.code for r in rules_for(settings, args.path)]
    out = open_output(args)
    if args.output_format == "json":
        data["origins"] = {k: settings.origin_of(k) for k in _KEYS}
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    out.write(f"# settings for {args.path}\n")
    out.write(f"# configuration file: {settings.config_path or '(none: defaults)'}\n")
    for key in _KEYS:
        value = data.get(key)
        if key in ("select", "extend-select", "ignore"):
            value = [list(l.select) if key == "select" and l.select is not None else
                     list(l.extend_select if key == "extend-select" else l.ignore if key == "ignore" else ())
                     for l in settings.layers] if settings.layers else ([] if key != "select" else None)
            value = [v for v in (value or []) if v] or None
        out.write(f"{key} = {json.dumps(value, ensure_ascii=False)}    # from {settings.origin_of(key)}\n")
    out.write(f"enabled = {json.dumps(data['enabled'])}\n")
    out.write(f"fingerprint = {data['fingerprint']}\n")
    return EXIT_OK


_KEYS = ("select", "extend-select", "ignore", "severity", "per-file-ignores", "options", "editorial-markers",
         "wire-services", "exclude", "extend-exclude", "extend", "include-comments", "fail-on",
         "report-unused-suppressions")
