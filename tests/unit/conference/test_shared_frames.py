"""The frame built once per broadcast is the frame wsproto would have built for each recipient."""
from __future__ import annotations

import pytest
from engineio import packet as eio_packet
from wsproto.connection import Connection, ConnectionType
from wsproto.events import TextMessage

from conference.shared_frames import SharedPacket, shared, text_frame


@pytest.mark.parametrize("text", ["", "x" * 125, "x" * 126, "é" * 63, "x" * 65535, "x" * 65536,
                                  "منبر" * 30000, '42/live,["state",{"version":7}]'])
def test_the_shared_frame_is_the_one_wsproto_builds(text):
    server = Connection(ConnectionType.SERVER)
    assert text_frame(text.encode("utf-8")) == server.send(TextMessage(data=text))


def test_one_broadcast_shares_one_packet_and_one_frame():
    pkt = eio_packet.Packet(eio_packet.MESSAGE, data='2/live,["state",{"version":3}]')

    first, second = shared(pkt), shared(pkt)

    assert first is second and isinstance(first, SharedPacket)
    assert first.encode() == pkt.encode() == '42/live,["state",{"version":3}]'
    assert first.encode().frame is second.encode().frame
    assert first.encode().frame == text_frame(pkt.encode().encode("utf-8"))


@pytest.mark.parametrize("pkt", [
    eio_packet.Packet(eio_packet.PING),
    eio_packet.Packet(eio_packet.MESSAGE, data=b"\x00\x01"),
    eio_packet.Packet(eio_packet.MESSAGE, data={"not": "text"}),
])
def test_other_packets_take_the_ordinary_path(pkt):
    assert shared(pkt) is pkt
    assert getattr(pkt.encode(), "frame", None) is None


@pytest.mark.parametrize("setting, accepted", [(None, False), (False, False), (True, True)])
def test_the_app_declines_permessage_deflate_unless_configured(tmp_path, setting, accepted):
    from conference.app import create_app
    from conference.extensions import socketio

    config = {"DATABASE_URL": f"sqlite:///{tmp_path / 'm.sqlite3'}", "INSTANCE_PATH": str(tmp_path / "i"),
              "SECRET_KEY": "k", "REDIS_URL": None, "TESTING": True}
    if setting is not None:
        config["MINBAR_WEBSOCKET_DEFLATE"] = setting
    create_app(config)

    assert socketio.server.eio._async["websocket"].accepts_deflate is accepted
