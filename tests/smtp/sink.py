"""A real SMTP server for the tests (aiosmtpd): it accepts every mail on 127.0.0.1:PORT
and writes each, decoded, as JSON to OUT/<n>.json; it answers the first REFUSE mails'
DATA with a temporary failure (451), so that a test can watch a retry.

    python sink.py PORT OUT REFUSE
"""

import asyncio
import email
import email.policy
import json
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, refuse):
        self.out = out
        self.refuse = refuse
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        mail = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {name.lower(): str(value) for name, value in message.items()},
            "text": text.get_content() if text else "",
            "html": html.get_content() if html else "",
        }
        self.count += 1
        path = os.path.join(self.out, f"{self.count:04}.json")
        with open(path + ".part", "w", encoding="utf-8") as file:
            json.dump(mail, file, ensure_ascii=False)
        os.rename(path + ".part", path)
        return "250 OK"


def main():
    port, out, refuse = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    controller = Controller(Sink(out, refuse), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
