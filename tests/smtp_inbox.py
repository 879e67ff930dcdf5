"""A real SMTP server for the tests that send e-mail: aiosmtpd on a free port of 127.0.0.1, keeping
every message it accepts (parsed, `email.policy.default`). `closed_smtp_url()` names a port where
nothing listens, for the tests of a refused delivery."""
from __future__ import annotations

import email
import email.policy
from contextlib import contextmanager
from typing import Iterator

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from bench.serving import free_port


class Inbox(Message):
    """What the server received, in order: `messages` parsed, `raw` their bytes as the server
    read them (headers folded as sent); `url` is the server's `MINBAR_SMTP_URL`."""

    def __init__(self):
        super().__init__()
        self.messages: list[email.message.EmailMessage] = []
        self.raw: list[bytes] = []
        self.url = ""

    def handle_message(self, message):
        self.raw.append(message.as_bytes())
        self.messages.append(email.message_from_bytes(self.raw[-1], policy=email.policy.default))

    def body(self, n: int) -> str:
        """The plain-text body of the `n`th message."""
        return self.messages[n].get_body(("plain",)).get_content()


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.url = f"smtp://{controller.hostname}:{controller.port}"
    try:
        yield inbox
    finally:
        controller.stop()


def closed_smtp_url() -> str:
    """An SMTP URL on a free port with nothing listening: every delivery is refused."""
    return f"smtp://127.0.0.1:{free_port()}"
