"""A student at the class hub, as a browser and JupyterLab would act, without a browser.

Used by tests/test_hub.py and bench/bench_hub.py. Everything goes through the hub's public
URL (the proxy): the login form (with its XSRF cookie), the hub's REST API with the login
cookie (as the hub's home page does to start a server), the OAuth round trip into the
student's own server, its contents and kernels API, and a kernel's websocket with the
Jupyter message protocol (JSON frames, binary frames for widget buffers).

A slider move is sent as JupyterLab's widget manager sends it: a ``comm_msg`` with
``{"method": "update", "state": {"value": v}}`` to the slider's model. The widget manager
keeps one update of a model in flight and sends the newest value when the kernel is idle
again, so a student's next move waits for the previous one (``Kernel.move``).
"""

import asyncio
import json
import struct
import time
import uuid
from urllib.parse import quote

import httpx
from websockets.asyncio.client import connect


class LoginRefused(Exception):
    pass


class Student:
    def __init__(self, base_url, username, timeout=300):
        self.base = base_url.rstrip("/")
        self.name = username
        self.http = httpx.AsyncClient(base_url=self.base, timeout=timeout, follow_redirects=False)

    async def close(self):
        await self.http.aclose()

    def _xsrf(self, path):
        for cookie in self.http.cookies.jar:
            if cookie.name == "_xsrf" and path.startswith(cookie.path):
                return cookie.value
        return ""

    async def login(self, password, username=None):
        """The hub's login form; returns the status (302 on success). Raises LoginRefused otherwise."""
        page = await self.http.get("/hub/login")
        page.raise_for_status()
        form = {"username": username or self.name, "password": password, "_xsrf": self._xsrf("/hub/")}
        answer = await self.http.post("/hub/login", data=form)
        if answer.status_code != 302 or "/hub/login" in answer.headers.get("location", ""):
            raise LoginRefused(f"{answer.status_code}: {_login_error(answer.text)}")
        return answer.status_code

    async def hub_api(self, method, path, **kwargs):
        headers = {"X-XSRFToken": self._xsrf("/hub/"), "Referer": self.base + "/hub/home"}
        return await self.http.request(method, "/hub/api" + path, headers=headers, **kwargs)

    async def start_server(self, timeout=300):
        """Start the student's server (as the hub's home page does) and wait until it is ready."""
        answer = await self.hub_api("POST", f"/users/{self.name}/server")
        if answer.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"start {self.name}: {answer.status_code} {answer.text[:200]}")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = (await self.hub_api("GET", f"/users/{self.name}")).json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not model.get("pending") and not server:
                raise RuntimeError(f"server of {self.name} failed to start")
            await asyncio.sleep(0.25)
        raise TimeoutError(f"server of {self.name} not ready in {timeout} s")

    async def open_lab(self, owner=None):
        """Open /user/<owner>/lab, following the OAuth redirects by hand; returns the last response."""
        url = f"/user/{owner or self.name}/lab"
        for _ in range(10):
            answer = await self.http.get(url)
            if answer.status_code not in (301, 302, 303, 307):
                return answer
            url = answer.headers["location"]
            if url.startswith(self.base):
                url = url[len(self.base) :]
        raise RuntimeError("too many redirects")

    def _server(self, owner=None):
        return f"/user/{owner or self.name}"

    async def api(self, method, path, owner=None, **kwargs):
        server = self._server(owner)
        headers = {"X-XSRFToken": self._xsrf(server + "/"), "Referer": self.base + server + "/lab"}
        return await self.http.request(method, server + "/api" + path, headers=headers, **kwargs)

    async def contents(self, path, owner=None, **kwargs):
        return await self.api("GET", "/contents/" + quote(path), owner=owner, **kwargs)

    async def kernel(self):
        answer = await self.api("POST", "/kernels", json={"name": "python3"})
        answer.raise_for_status()
        kernel = Kernel(self, answer.json()["id"])
        await kernel.connect()
        return kernel


def _login_error(html):
    start = html.find('class="login_error"')
    return html[html.find(">", start) + 1 : html.find("<", start + 20)].strip() if start >= 0 else html[:120]


def _decode(frame):
    """A websocket frame from jupyter_server: JSON text, or the binary form (offsets, JSON, buffers)."""
    if isinstance(frame, str):
        return json.loads(frame)
    (nbufs,) = struct.unpack("!I", frame[:4])
    offsets = struct.unpack(f"!{nbufs}I", frame[4 : 4 + 4 * nbufs])
    end = offsets[1] if nbufs > 1 else len(frame)
    msg = json.loads(frame[offsets[0] : end])
    msg["buffers"] = [frame[a:b] for a, b in zip(offsets[1:], [*offsets[2:], len(frame)], strict=True)]
    return msg


class Kernel:
    """One kernel of a student's server, driven through its websocket."""

    def __init__(self, student, kernel_id):
        self.student, self.id = student, kernel_id
        self.session = uuid.uuid4().hex
        self.comms = {}  # comm_id -> (parent msg_id, widget state) of every widget the kernel opened
        self._waiters = []  # (predicate(msg), future)
        self._reader = None

    async def connect(self):
        st = self.student
        cookies = "; ".join(f"{c.name}={c.value}" for c in st.http.cookies.jar)
        path = f"{st._server()}/api/kernels/{self.id}/channels?session_id={self.session}"
        url = st.base.replace("http", "ws", 1) + path
        self.ws = await connect(url, additional_headers={"Cookie": cookies}, max_size=2**26, open_timeout=120)
        self._reader = asyncio.create_task(self._read())

    async def close(self):
        await self.ws.close()
        if self._reader:
            self._reader.cancel()
        await self.student.api("DELETE", f"/kernels/{self.id}")

    async def _read(self):
        async for frame in self.ws:
            msg = _decode(frame)
            if msg.get("msg_type") == "comm_open":
                content = msg["content"]
                self.comms[content["comm_id"]] = (msg["parent_header"].get("msg_id"), content["data"].get("state", {}))
            for waiter in list(self._waiters):
                predicate, future = waiter
                if not future.done() and predicate(msg):
                    future.set_result(msg)
                    self._waiters.remove(waiter)

    def _wait(self, predicate):
        future = asyncio.get_running_loop().create_future()
        self._waiters.append((predicate, future))
        return future

    async def _send(self, msg_type, content):
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": self.student.name,
                  "version": "5.3", "date": ""}  # fmt: skip
        await self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                       "channel": "shell", "buffers": []}))  # fmt: skip
        return msg_id

    async def execute(self, code, timeout=300):
        """Run ``code`` like a notebook cell; returns (msg_id, printed text, error or None)."""
        outputs, errors = [], []
        loop = asyncio.get_running_loop()
        msg_id = uuid.uuid4().hex  # predicates see it before the reply arrives

        def mine(msg):
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                return False
            kind = msg.get("msg_type")
            if kind == "stream":
                outputs.append(msg["content"]["text"])
            elif kind in ("execute_result", "display_data"):
                outputs.append(msg["content"]["data"].get("text/plain", ""))
            elif kind == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")
            return kind == "status" and msg["content"]["execution_state"] == "idle"

        idle = self._wait(mine)
        header = {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session,
                  "username": self.student.name, "version": "5.3", "date": ""}  # fmt: skip
        content = {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
                   "stop_on_error": True}  # fmt: skip
        await self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                       "channel": "shell", "buffers": []}))  # fmt: skip
        await asyncio.wait_for(idle, timeout)
        del loop
        return msg_id, "".join(outputs), (errors[0] if errors else None)

    def widgets_of(self, msg_id, model_name):
        """Comm ids of the widgets of one kind (e.g. 'FloatSliderModel') a cell opened, in order."""
        return [
            cid
            for cid, (parent, state) in self.comms.items()
            if parent == msg_id and state.get("_model_name") == model_name
        ]

    async def move(self, slider_id, value, image_id, timeout=120):
        """Set a slider as the front end does and wait for the image's new picture; seconds taken."""

        def picture(msg):
            content = msg.get("content", {})
            data = content.get("data", {})
            return (msg.get("msg_type") == "comm_msg" and content.get("comm_id") == image_id
                    and data.get("method") == "update" and ["value"] in data.get("buffer_paths", []))  # fmt: skip

        arrived = self._wait(picture)
        start = time.perf_counter()
        await self._send("comm_msg", {"comm_id": slider_id, "data": {"method": "update", "state": {"value": value},
                                                                      "buffer_paths": []}})  # fmt: skip
        await asyncio.wait_for(arrived, timeout)
        return time.perf_counter() - start
