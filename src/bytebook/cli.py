"""Command line: `python -m bytebook ledger` prints the claims ledger as CSV."""

from __future__ import annotations

import argparse
import sys

from bytebook.errors import DataFileError, describe_os_error


def at_least_one(text: str) -> int:
    """A count given on the command line: a whole number of 1 or more."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"{count} is below 1")
    return count


def main(argv: list[str] | None = None) -> int:
    """Run a bytebook command; returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m bytebook")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("ledger", help="print the claims ledger as CSV on stdout")
    build = commands.add_parser("build", help="build the HTML book strictly into _build/html")
    build.add_argument("--root", default=None, help="book root (default: this project)")
    pdf = commands.add_parser("pdf", help="build the book and print it to _build/pdf/book.pdf")
    pdf.add_argument("--root", default=None, help="book root (default: this project)")
    bench = commands.add_parser(
        "bench", help="measure builds, rebuilds, page weight and chart drawing"
    )
    bench.add_argument(
        "--runs", type=at_least_one, default=3, help="clean builds to time (default 3)"
    )
    bench.add_argument(
        "--scale", type=at_least_one, default=1, help="also build a book this many times larger"
    )
    bench.add_argument(
        "--pages", action="store_true", help="only the chart pages in Chromium, on the built book"
    )
    bench.add_argument(
        "--against", default=None, help="with --pages: another built site's html folder beside it"
    )
    bench.add_argument(
        "--loads", type=at_least_one, default=5, help="with --pages: loads of each page (default 5)"
    )
    args = parser.parse_args(argv)
    if args.command == "bench" and args.against and not args.pages:
        parser.error("--against compares built sites: give it with --pages")
    try:
        if args.command == "ledger":
            from bytebook.book import ledger
            from bytebook.ledger import to_csv

            sys.stdout.write(to_csv(ledger()))
            sys.stdout.flush()
            return 0
        if args.command == "bench" and args.pages:
            from bytebook.publish.bench_pages import main as bench_pages

            return bench_pages(args.against, args.loads)
        if args.command == "bench":
            from bytebook.publish.bench import main as bench

            return bench(args.runs, args.scale)
        from bytebook.publish.build import build_book, build_pdf

        return build_pdf(args.root) if args.command == "pdf" else build_book(args.root)
    except DataFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {describe_os_error(error)}", file=sys.stderr)
        return 3
