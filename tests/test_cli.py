"""The command line as a whole: every command and group explains itself."""

from __future__ import annotations

from click.testing import CliRunner

from cec_batch.cli import main


def test_every_command_has_help():
    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield prefix + [name], cmd
            if hasattr(cmd, "commands"):
                yield from walk(cmd, prefix + [name])

    for path, cmd in walk(main, []):
        res = CliRunner().invoke(main, [*path, "--help"])
        assert res.exit_code == 0 and cmd.help, path
