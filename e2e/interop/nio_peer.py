#!/usr/bin/python3
"""A matrix-nio client with Olm/Megolm end-to-end encryption, driven over stdin/stdout.

Interop tests use it as "a client we did not write": Debian's python3-matrix-nio and
python3-olm, run by /usr/bin/python3 (not Synapse's virtualenv). See README.md here.

    /usr/bin/python3 nio_peer.py HOMESERVER_URL USER_ID PASSWORD STORE_DIR

Protocol: one JSON object per line on stdin, one JSON answer per line on stdout,
strictly in turn: {"ok": true, ...} or {"ok": false, "error": "..."}. A request's "id",
if given, is echoed in its answer. Diagnostics (nio's own log included) go to stderr
only: stdout carries nothing but answers. Set NIO_PEER_DEBUG=1 for nio's info log.
"""

import asyncio
import json
import os
import sys
import time
import traceback

import logbook
from nio import (
    AsyncClient,
    AsyncClientConfig,
    BadEvent,
    EncryptionError,
    ErrorResponse,
    JoinError,
    KeysClaimError,
    KeysQueryError,
    KeysUploadError,
    LoginError,
    MegolmEvent,
    RoomCreateError,
    RoomMessage,
    RoomMessageText,
    RoomPreset,
    RoomSendError,
    SyncError,
    UnknownBadEvent,
)
from nio.log import logger_group
from nio.store import SqliteStore

MEGOLM = "m.megolm.v1.aes-sha2"
# A room that was just created or joined shows up in sync within a second or two.
ROOM_APPEAR_TIMEOUT_S = 20.0
# Long-poll length of the syncs inside wait_for and the room-appearance waits.
POLL_MS = 2000


def log(message):
    print(f"[nio-peer] {message}", file=sys.stderr, flush=True)


class PeerError(Exception):
    """A failure reported to the driver as {"ok": false, "error": ...}."""


def check(response, *error_types):
    """Raises PeerError for nio's error responses, returns the response otherwise."""
    if isinstance(response, (ErrorResponse, *error_types)):
        status = getattr(response, "status_code", None)
        prefix = f"{type(response).__name__} {status}" if status else type(response).__name__
        raise PeerError(f"{prefix}: {response.message}")
    return response


class Peer:
    def __init__(self, homeserver, user_id, password, store_dir):
        self.password = password
        config = AsyncClientConfig(
            store=SqliteStore,
            encryption_enabled=True,
            store_sync_tokens=True,
            max_timeouts=3,
            request_timeout=30,
        )
        self.client = AsyncClient(homeserver, user_id, store_path=store_dir, config=config)
        self.first_sync = True
        # Everything seen in room timelines, kept across commands so that wait_for also
        # finds messages that arrived during an earlier sync/send/join.
        self.messages = {}  # room_id -> [record]
        self.seen_event_ids = set()
        self.events = {}  # room_id -> [every timeline event as nio read it, decrypted where it could]
        self.seen_any_ids = set()
        self.undecrypted = {}  # room_id -> {event_id: MegolmEvent}
        self.bad_encrypted = {}  # room_id -> {event_id: description}

    # ---- sync and the key housekeeping nio's sync_forever would do -------------------

    async def housekeeping(self):
        client = self.client
        if client.outgoing_to_device_messages:
            for response in await client.send_to_device_messages():
                if isinstance(response, ErrorResponse):
                    log(f"to-device send failed: {response}")
        if client.should_upload_keys:
            check(await client.keys_upload(), KeysUploadError)
        if client.should_query_keys:
            check(await client.keys_query(), KeysQueryError)
        if client.should_claim_keys:
            check(await client.keys_claim(client.get_users_for_key_claiming()), KeysClaimError)

    async def sync_once(self, timeout_ms=0):
        client = self.client
        await self.housekeeping()
        full_state = True if self.first_sync else None
        response = check(
            await client.sync(
                timeout=timeout_ms,
                full_state=full_state,
                sync_filter={"room": {"timeline": {"limit": 50}}},
            ),
            SyncError,
        )
        self.first_sync = False
        counts = {"to_device": len(response.to_device_events), "timeline": 0, "messages": 0}
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                counts["timeline"] += 1
                counts["messages"] += self.record(room_id, event)
        counts["messages"] += self.retry_undecrypted()
        await self.housekeeping()
        counts["joined_rooms"] = len(client.rooms)
        counts["invited_rooms"] = len(client.invited_rooms)
        counts["undecrypted"] = sum(len(events) for events in self.undecrypted.values())
        return counts

    def record(self, room_id, event):
        """Keeps one timeline event (already decrypted by nio where it could); returns 1 for a new message."""
        if isinstance(event, MegolmEvent):
            event.room_id = room_id
            self.undecrypted.setdefault(room_id, {})[event.event_id] = event
            return 0
        if isinstance(event, (BadEvent, UnknownBadEvent)):
            source = event.source if isinstance(event.source, dict) else {}
            if source.get("type") == "m.room.encrypted":
                # nio could not even parse it as an encrypted event (schema mismatch).
                content = source.get("content", {})
                event_id = source.get("event_id", "?")
                self.bad_encrypted.setdefault(room_id, {})[event_id] = {
                    "event_id": event_id,
                    "sender": source.get("sender"),
                    "algorithm": content.get("algorithm"),
                    "content_keys": sorted(content.keys()),
                }
                log(f"unparseable m.room.encrypted {event_id} in {room_id}: content keys {sorted(content.keys())}")
            return 0
        self.record_any(room_id, event)
        if not isinstance(event, RoomMessage):
            return 0
        if event.event_id in self.seen_event_ids:
            return 0
        self.seen_event_ids.add(event.event_id)
        self.messages.setdefault(room_id, []).append(
            {
                "event_id": event.event_id,
                "sender": event.sender,
                "msgtype": event.source.get("content", {}).get("msgtype"),
                "body": getattr(event, "body", None),
                "is_text": isinstance(event, RoomMessageText),
                "decrypted": bool(event.decrypted),
                "verified": bool(event.verified),
                "session_id": event.session_id,
            }
        )
        return 1

    def record_any(self, room_id, event):
        """Keeps the type and (decrypted) content of any event, for relation checks (wait_for_event)."""
        source = event.source if isinstance(event.source, dict) else {}
        event_id = getattr(event, "event_id", None) or source.get("event_id")
        if not event_id or event_id in self.seen_any_ids:
            return
        self.seen_any_ids.add(event_id)
        content = source.get("content") if isinstance(source.get("content"), dict) else {}
        self.events.setdefault(room_id, []).append(
            {
                "event_id": event_id,
                "type": source.get("type"),
                "sender": getattr(event, "sender", None) or source.get("sender"),
                "content": content,
                "redacts": source.get("redacts") or content.get("redacts"),
                "decrypted": bool(getattr(event, "decrypted", False)),
            }
        )

    def retry_undecrypted(self):
        """Keys can arrive in a later sync than the messages they unlock: try again."""
        found = 0
        for room_id, pending in self.undecrypted.items():
            for event_id, event in list(pending.items()):
                try:
                    decrypted = self.client.decrypt_event(event)
                except EncryptionError:
                    continue
                del pending[event_id]
                found += self.record(room_id, decrypted)
        return found

    async def wait_for_room(self, room_id, encrypted=False):
        deadline = time.monotonic() + ROOM_APPEAR_TIMEOUT_S
        while True:
            room = self.client.rooms.get(room_id)
            if room is not None and (room.encrypted or not encrypted):
                return room
            if time.monotonic() > deadline:
                what = "as an encrypted room " if room is not None else ""
                raise PeerError(f"room {room_id} did not appear in sync {what}within {ROOM_APPEAR_TIMEOUT_S:.0f} s")
            await self.sync_once(POLL_MS)

    # ---- commands -------------------------------------------------------------------

    async def cmd_login(self, _request):
        client = self.client
        check(await client.login(self.password, device_name="nio-peer"), LoginError)
        if client.should_upload_keys:
            check(await client.keys_upload(), KeysUploadError)
        keys = client.olm.account.identity_keys if client.olm else {}
        return {
            "user_id": client.user_id,
            "device_id": client.device_id,
            "ed25519": keys.get("ed25519"),
            "curve25519": keys.get("curve25519"),
        }

    async def cmd_sync(self, _request):
        return await self.sync_once(0)

    async def cmd_join(self, request):
        room_id = require(request, "room_id")
        check(await self.client.join(room_id), JoinError)
        await self.wait_for_room(room_id)
        return {"room_id": room_id}

    async def cmd_accept_invites(self, _request):
        if self.first_sync or not self.client.invited_rooms:
            await self.sync_once(0)
        room_ids = list(self.client.invited_rooms.keys())
        for room_id in room_ids:
            check(await self.client.join(room_id), JoinError)
        for room_id in room_ids:
            await self.wait_for_room(room_id)
        return {"room_ids": room_ids}

    async def cmd_create_room(self, request):
        encrypted = bool(request.get("encrypted", True))
        initial_state = []
        if encrypted:
            initial_state.append({"type": "m.room.encryption", "state_key": "", "content": {"algorithm": MEGOLM}})
        response = check(
            await self.client.room_create(
                name=request.get("name"),
                invite=list(request.get("invite", [])),
                preset=RoomPreset.private_chat,
                initial_state=initial_state,
            ),
            RoomCreateError,
        )
        await self.wait_for_room(response.room_id, encrypted=encrypted)
        return {"room_id": response.room_id}

    async def cmd_send(self, request):
        room_id = require(request, "room_id")
        # A raw event (`event_type` + `content`, e.g. an MSC3381 poll response as Element
        # sends it) or, by default, a text message with `body`.
        event_type = request.get("event_type", "m.room.message")
        content = request.get("content") if "content" in request else {"msgtype": "m.text", "body": require(request, "body")}
        client = self.client
        # A real client syncs all the time: catch up first, so that members who joined
        # (and devices they added) since the last command get the room key too.
        await self.sync_once(0)
        room = client.rooms.get(room_id)
        if room is None:
            state = "only invited (accept_invites first)" if room_id in client.invited_rooms else "not joined"
            raise PeerError(f"send: room {room_id} is {state}")
        report = {"encrypted": room.encrypted}
        if room.encrypted:
            if not room.members_synced:
                check(await client.joined_members(room_id), ErrorResponse)
            # Every member's devices (invited members included) must be known, and each
            # must have an Olm session, for the Megolm key to reach them.
            client.olm.update_tracked_users(room)
            if client.should_query_keys:
                check(await client.keys_query(), KeysQueryError)
            self.reshare_if_new_devices(room)
            missing = client.get_missing_sessions(room_id)
            if missing:
                log(f"claiming one-time keys for {dict(missing)}")
                check(await client.keys_claim(missing), KeysClaimError)
            still_missing = client.get_missing_sessions(room_id)
            if still_missing:
                log(f"no Olm session (no one-time key?) for {dict(still_missing)}: they will not get the room key")
            report["no_olm_session"] = {user: list(devices) for user, devices in still_missing.items()}
        response = check(
            await client.room_send(
                room_id,
                event_type,
                content,
                ignore_unverified_devices=True,
            ),
            RoomSendError,
        )
        if room.encrypted:
            session = client.olm.outbound_group_sessions.get(room_id)
            shared = sorted(f"{user} {device}" for user, device in (session.users_shared_with if session else set()))
            report["session_id"] = session.id if session else None
            report["shared_with"] = shared
        report["event_id"] = response.event_id
        return report

    def reshare_if_new_devices(self, room):
        """nio shares a Megolm session once and only starts a new one on membership
        changes; a device that a member added later would never get the key. Start a
        new session when a member has a device the current one was not shared with."""
        olm = self.client.olm
        session = olm.outbound_group_sessions.get(room.room_id)
        if session is None or not session.shared:
            return
        covered = session.users_shared_with | session.users_ignored
        new = [
            (user_id, device.id)
            for user_id in room.users
            for device in olm.device_store.active_user_devices(user_id)
            if device.id != self.client.device_id and not olm.is_device_blacklisted(device) and (user_id, device.id) not in covered
        ]
        if new:
            log(f"new devices {new} in {room.room_id}: starting a new Megolm session")
            self.client.invalidate_outbound_session(room.room_id)

    async def cmd_wait_for(self, request):
        room_id = require(request, "room_id")
        body = require(request, "body")
        timeout = float(request.get("timeout", 30))
        deadline = time.monotonic() + timeout
        while True:
            for message in self.messages.get(room_id, []):
                if message["is_text"] and message["body"] == body:
                    return {
                        "event_id": message["event_id"],
                        "sender": message["sender"],
                        "decrypted": message["decrypted"],
                        "verified": message["verified"],
                        "session_id": message["session_id"],
                    }
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PeerError(self.wait_failure(room_id, body, timeout))
            await self.sync_once(max(1, min(POLL_MS, int(remaining * 1000))))

    def event_matches(self, event, request):
        relation = event["content"].get("m.relates_to") or {}
        if "type" in request and event["type"] != request["type"]:
            return False
        if "rel_type" in request and relation.get("rel_type") != request["rel_type"]:
            return False
        if "relates_to" in request:
            target = relation.get("event_id") or (relation.get("m.in_reply_to") or {}).get("event_id")
            if target != request["relates_to"]:
                return False
        if "redacts" in request and event["redacts"] != request["redacts"]:
            return False
        if "body_contains" in request and request["body_contains"] not in str(event["content"].get("body", "")):
            return False
        return True

    async def cmd_wait_for_event(self, request):
        """Syncs until an event matching every given field (type, rel_type, relates_to, redacts, body_contains) is in the room."""
        room_id = require(request, "room_id")
        timeout = float(request.get("timeout", 30))
        deadline = time.monotonic() + timeout
        while True:
            for event in self.events.get(room_id, []):
                if self.event_matches(event, request):
                    return {"event": event}
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [f"{e['type']} {json.dumps(e['content'])[:200]}" for e in self.events.get(room_id, [])[-10:]]
                raise PeerError(f"no event like {json.dumps(request)} in {room_id} within {timeout:g} s | seen: " + "; ".join(seen))
            await self.sync_once(max(1, min(POLL_MS, int(remaining * 1000))))

    async def cmd_redact(self, request):
        room_id = require(request, "room_id")
        event_id = require(request, "event_id")
        await self.sync_once(0)
        response = check(await self.client.room_redact(room_id, event_id, request.get("reason")), ErrorResponse)
        return {"event_id": response.event_id}

    def wait_failure(self, room_id, body, timeout):
        parts = [f"no m.text {body!r} in {room_id} within {timeout:g} s"]
        if room_id not in self.client.rooms:
            state = "invited, not joined" if room_id in self.client.invited_rooms else "not joined"
            parts.append(f"room is {state}")
        pending = self.undecrypted.get(room_id, {})
        if pending:
            described = [
                f"{e.event_id} from {e.sender} device {e.device_id} session {e.session_id}" for e in pending.values()
            ]
            parts.append(f"undecryptable MegolmEvents ({len(pending)}): " + "; ".join(described))
        bad = self.bad_encrypted.get(room_id, {})
        if bad:
            described = [f"{b['event_id']} from {b['sender']} content keys {b['content_keys']}" for b in bad.values()]
            parts.append(f"m.room.encrypted events nio could not parse ({len(bad)}): " + "; ".join(described))
        seen = self.messages.get(room_id, [])
        if seen:
            described = [
                f"{m['body']!r} ({m['msgtype']}, {'decrypted' if m['decrypted'] else 'plaintext'}, from {m['sender']})"
                for m in seen[-10:]
            ]
            parts.append("messages seen: " + "; ".join(described))
        return " | ".join(parts)

    async def close(self):
        await self.client.close()


def require(request, key):
    value = request.get(key)
    if not isinstance(value, str) or value == "":
        raise PeerError(f"{request.get('cmd')}: missing {key!r}")
    return value


async def read_line(loop):
    return await loop.run_in_executor(None, sys.stdin.readline)


async def serve(peer, out):
    loop = asyncio.get_running_loop()
    commands = {
        "login": peer.cmd_login,
        "sync": peer.cmd_sync,
        "join": peer.cmd_join,
        "accept_invites": peer.cmd_accept_invites,
        "create_room": peer.cmd_create_room,
        "send": peer.cmd_send,
        "wait_for": peer.cmd_wait_for,
        "wait_for_event": peer.cmd_wait_for_event,
        "redact": peer.cmd_redact,
    }

    def answer(payload, request_id):
        if request_id is not None:
            payload["id"] = request_id
        out.write(json.dumps(payload) + "\n")
        out.flush()

    try:
        while True:
            line = await read_line(loop)
            if line == "":
                log("stdin closed, quitting")
                return
            line = line.strip()
            if not line:
                continue
            request_id = None
            try:
                request = json.loads(line)
                if not isinstance(request, dict):
                    raise PeerError("a request must be a JSON object")
                request_id = request.get("id")
                cmd = request.get("cmd")
                if cmd == "quit":
                    answer({"ok": True}, request_id)
                    return
                handler = commands.get(cmd)
                if handler is None:
                    raise PeerError(f"unknown cmd {cmd!r}")
                started = time.monotonic()
                result = await handler(request)
                log(f"{cmd} ok in {time.monotonic() - started:.2f} s")
                answer({"ok": True, **result}, request_id)
            except PeerError as error:
                log(f"error: {error}")
                answer({"ok": False, "error": str(error)}, request_id)
            except json.JSONDecodeError as error:
                answer({"ok": False, "error": f"invalid JSON: {error}"}, request_id)
            except Exception as error:  # noqa: BLE001 - every failure is an answer, never a dead peer
                traceback.print_exc(file=sys.stderr)
                answer({"ok": False, "error": f"{type(error).__name__}: {error}"}, request_id)
    finally:
        await peer.close()


def main():
    if len(sys.argv) != 5:
        print("usage: nio_peer.py HOMESERVER_URL USER_ID PASSWORD STORE_DIR", file=sys.stderr)
        return 2
    homeserver, user_id, password, store_dir = sys.argv[1:]
    # Answers get a private copy of stdout; fd 1 itself then points at stderr, so no
    # stray print (ours, nio's, a C library's) can corrupt the protocol.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    logbook.StreamHandler(sys.stderr, level=logbook.DEBUG, bubble=False).push_application()
    logger_group.level = logbook.INFO if os.environ.get("NIO_PEER_DEBUG") == "1" else logbook.WARNING

    os.makedirs(store_dir, exist_ok=True)
    peer = Peer(homeserver, user_id, password, store_dir)
    log(f"started for {user_id} on {homeserver}, store {store_dir}")
    asyncio.run(serve(peer, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
