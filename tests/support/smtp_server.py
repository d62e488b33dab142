#!/usr/bin/python3
"""A real SMTP server on loopback for Kindly's tests and benchmarks.

aiosmtpd with STARTTLS required, AUTH (PLAIN/LOGIN) required after TLS, and
every accepted message written to --dir as <n>.eml (atomically: a temporary
file renamed). Prints "READY <port>" once it listens.

Fault modes (--mode):
  normal      accept everything from the right user
  silent      accept TCP connections and never say a word
  drop-after-data   store the message, then close the connection without
                    replying (the client cannot know it was accepted)
  implicit-tls      TLS from the first byte (like port 465), AUTH required
  busy-once         answer the first message with 451 (try again later),
                    accept the rest
  slow              take a second over each message before accepting it
                    (to watch a batch's progress and cancel it)
  drop-mid-message  a plain relay (no TLS, no AUTH) that closes the
                    connection after the first bytes of the message
                    (nothing stored)
Recipients starting with "reject-" are refused with 550 5.1.1; the sender
"blocked@…" with 553 5.1.7.
"""

import argparse
import asyncio
import os
import socket
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--user", default="kindly")
    ap.add_argument("--password", default="secret")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--mode", default="normal")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)

    if a.mode == "silent":
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", a.port))
        s.listen(16)
        print("READY", s.getsockname()[1], flush=True)
        held = []
        while True:
            c, _ = s.accept()
            held.append(c)  # never answer, never close

    if a.mode == "drop-mid-message":
        async def session(reader, writer):
            writer.write(b"220 localhost ESMTP test\r\n")
            while True:
                line = await reader.readline()
                if not line:
                    break
                cmd = line[:4].upper()
                if cmd in (b"EHLO", b"HELO"):
                    writer.write(b"250-localhost\r\n250 8BITMIME\r\n")
                elif cmd == b"DATA":
                    writer.write(b"354 go ahead\r\n")
                    await writer.drain()
                    await reader.read(512)
                    writer.transport.abort()
                    return
                elif cmd == b"QUIT":
                    writer.write(b"221 bye\r\n")
                    await writer.drain()
                    break
                else:
                    writer.write(b"250 OK\r\n")
                await writer.drain()
            writer.close()

        async def serve():
            srv = await asyncio.start_server(session, "127.0.0.1", a.port)
            print("READY", srv.sockets[0].getsockname()[1], flush=True)
            await srv.serve_forever()

        asyncio.run(serve())
        return

    counter = {"n": 0}
    lock = threading.Lock()

    class Handler:
        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            if address.lower().startswith("blocked@"):
                return "553 5.1.7 Sender address rejected"
            envelope.mail_from = address
            envelope.mail_options.extend(mail_options)
            return "250 OK"

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower().startswith("reject-"):
                return "550 5.1.1 Recipient address rejected: user unknown"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            if a.mode == "busy-once" and not counter.get("refused"):
                counter["refused"] = True
                return "451 4.3.0 Mail server temporarily busy, try again later"
            if a.mode == "slow":
                await asyncio.sleep(1.0)
            with lock:
                counter["n"] += 1
                n = counter["n"]
            name = os.path.join(a.dir, "%06d-%d.eml" % (n, os.getpid()))
            tmp = name + ".part"
            with open(tmp, "wb") as f:
                f.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
                f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
                f.write(envelope.original_content)
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, name)
            if a.mode == "drop-after-data":
                server.transport.close()
            return "250 2.0.0 Message accepted for delivery"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == a.user
            and auth_data.password.decode() == a.password
        )
        return AuthResult(success=ok, handled=False)

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(a.cert, a.key)

    # Find a free port first when asked for any (Controller needs a number).
    port = a.port
    if port == 0:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()

    common = dict(
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_require_tls=True,
        auth_required=True,
        server_hostname="localhost",
        ready_timeout=10,
        data_size_limit=50 * 1024 * 1024,
    )
    if a.mode == "implicit-tls":
        # aiosmtpd only counts STARTTLS as TLS for AUTH; here the whole
        # connection is TLS from the first byte.
        common["auth_require_tls"] = False
        controller = Controller(Handler(), ssl_context=ctx, **common)
    else:
        controller = Controller(Handler(), tls_context=ctx, require_starttls=True, **common)
    controller.start()
    print("READY", port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
