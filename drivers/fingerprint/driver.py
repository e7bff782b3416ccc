"""The driver of an AS608 / R30x optical fingerprint module on a serial port: one method per operation.

Every operation returns Ok(value) or Failure(code); how the status follows the module's answers, and how
a lost module comes back, is in session.py. Enrolment is the pure machine of enrol.py, run one action at a
time by `enrol_step`, or to the end by `enrol`.
"""

from __future__ import annotations

from drivers.errors import Failure, Ok, Result
from drivers.fingerprint import commands as cmd
from drivers.fingerprint.commands import SearchHit
from drivers.fingerprint.enrol import Action, Enrolment, Phase
from drivers.fingerprint.quality import image_quality
from drivers.fingerprint.session import ModuleSession, status_for
from drivers.status import State


class FingerprintDriver(ModuleSession):
    def capture(self, *, settle: bool = True) -> Result[None]:
        """GenImg: the finger on the sensor into the image buffer. No finger is Failure(no_finger)."""
        return self._none(self._call(cmd.gen_img(), settle=settle))

    def finger_present(self, *, settle: bool = True) -> Result[bool]:
        """GenImg is the module's only presence test: a finger that is there is captured as well."""
        answer = self.capture(settle=settle)
        if not answer.ok and answer.code == "fingerprint.no_finger":
            return Ok(False)
        return Ok(True) if answer.ok else answer

    def wait_for_finger(self, timeout_s: float) -> Result[None]:
        """Capture as soon as a finger is on the sensor (the image is then in the image buffer)."""
        deadline = self._clock() + timeout_s
        while True:
            answer = self.capture()
            if answer.ok or answer.code not in ("fingerprint.no_finger", "fingerprint.capture_failed"):
                return answer
            if self._clock() >= deadline:
                return answer

    def wait_for_lift(self, timeout_s: float) -> Result[None]:
        deadline = self._clock() + timeout_s
        while True:
            present = self.finger_present(settle=False)
            if not present.ok:
                return present
            if not present.value:
                self._settle()
                return Ok(None)
            self.tracker.set(status_for(State.USER_ACTION, "fingerprint.lift_finger"))
            if self._clock() >= deadline:
                return Failure("fingerprint.lift_finger", "the finger stayed on the sensor")

    def convert(self, buffer: int = 1) -> Result[None]:
        """Img2Tz: the captured image into characteristics in char buffer 1 or 2."""
        return self._none(self._call(cmd.img2tz(buffer)))

    def match(self) -> Result[int]:
        """Compare char buffers 1 and 2; the score when they match."""
        return self._u16(self._call(cmd.match()))

    def register_model(self) -> Result[None]:
        """RegModel: merge char buffers 1 and 2 into one template (in both buffers)."""
        return self._none(self._call(cmd.reg_model()))

    def store(self, page_id: int, buffer: int = 1) -> Result[None]:
        answer = self._none(self._call(cmd.store(buffer, page_id)))
        return self._recount(answer)

    def load(self, page_id: int, buffer: int = 1) -> Result[None]:
        return self._none(self._call(cmd.load_char(buffer, page_id)))

    def search(self, buffer: int = 1, start: int = 0, count: int | None = None) -> Result[SearchHit]:
        if count is None:
            count = self.parameters.capacity if self.parameters else 0xFFFF
        answer = self._call(cmd.search(buffer, start, count))
        if not answer.ok:
            return answer
        try:
            return Ok(SearchHit(cmd.parse_u16(answer.value), cmd.parse_u16(answer.value, 2)))
        except ValueError as e:
            return Failure("device.unexpected_reply", str(e))

    def identify(self) -> Result[SearchHit]:
        """The finger on the sensor, searched in the whole library: capture, Img2Tz(1), Search."""
        for step in (self.capture, self.convert):
            answer = step()
            if not answer.ok:
                return answer
        return self.search()

    def delete(self, page_id: int, count: int = 1) -> Result[None]:
        return self._recount(self._none(self._call(cmd.delete_char(page_id, count))))

    def empty(self) -> Result[None]:
        return self._recount(self._none(self._call(cmd.empty())))

    def used_pages(self) -> Result[frozenset[int]]:
        capacity = self.parameters.capacity if self.parameters else 256
        used: set[int] = set()
        for page in range(min(4, (capacity + 255) // 256)):
            answer = self._call(cmd.read_index_table(page))
            if not answer.ok:
                return answer
            used |= cmd.used_pages(answer.value, page)
        return Ok(frozenset(used))

    def free_page(self) -> Result[int]:
        """The lowest empty library slot; Failure(library_full) and MAINTENANCE when there is none."""
        used = self.used_pages()
        if not used.ok:
            return used
        capacity = self.parameters.capacity if self.parameters else 0
        slot = next((i for i in range(capacity) if i not in used.value), None)
        if slot is None:
            self._library_full = True
            self._settle()
            return Failure("fingerprint.library_full", f"all {capacity} slots are used")
        return Ok(slot)

    def upload_template(self, buffer: int = 1) -> Result[bytes]:
        """UpChar: the characteristics in a char buffer, sent by the module in data packets."""
        return self._upload(cmd.up_char(buffer))

    def download_template(self, template: bytes, buffer: int = 1) -> Result[None]:
        """DownChar: a template into a char buffer, sent in packets of the module's packet size."""
        if len(template) != self.template_size:
            return Failure("fingerprint.bad_template", f"a template is {self.template_size} bytes")
        answer = self._call(cmd.down_char(buffer))
        if not answer.ok:
            return answer
        sent = self._link.send_data(template, self.parameters.packet_size if self.parameters else 128)
        return sent if sent.ok else self._link_failure(sent)

    def upload_image(self) -> Result[bytes]:
        """UpImage: the image buffer, 256 x 288 pixels at 4 bits (see quality.unpack)."""
        image = self._upload(cmd.up_image())
        if image.ok and len(image.value) != cmd.IMAGE_BYTES:
            return Failure("fingerprint.upload_failed", f"the image has {len(image.value)} bytes")
        return image

    def image_quality(self) -> Result[int]:
        """The driver's quality score (0..100, see quality.py) of the last captured image."""
        image = self.upload_image()
        return Ok(image_quality(image.value)) if image.ok else image

    # ---- enrolment -------------------------------------------------------------------------------------

    def enrol_step(self, enrolment: Enrolment) -> Enrolment:
        """Run the action the enrolment asks for, and return it moved on by the outcome."""
        lifting = enrolment.phase is Phase.LIFT  # a finger still there must not flap the status to READY
        run = {Action.CAPTURE: lambda: self.capture(settle=not lifting),
               Action.CONVERT_1: lambda: self.convert(1),
               Action.CONVERT_2: lambda: self.convert(2), Action.REGISTER: self.register_model,
               Action.STORE: lambda: self.store(enrolment.page_id, 1)}.get(enrolment.action)
        if run is None:
            return enrolment
        answer = run()
        following = enrolment.advance(None if answer.ok else answer.code)
        if following.phase is Phase.LIFT:
            self.tracker.set(status_for(State.USER_ACTION, "fingerprint.lift_finger"))
        return following

    def enrol(self, page_id: int | None = None, timeout_s: float = 30.0) -> Result[int]:
        """Enrol the finger on the sensor into `page_id` (default: the lowest free slot)."""
        if page_id is None:
            free = self.free_page()
            if not free.ok:
                return free
            page_id = free.value
        enrolment = Enrolment(page_id)
        deadline = self._clock() + timeout_s
        while not enrolment.finished:
            if self._clock() >= deadline:
                return Failure("fingerprint.enrol_timeout", f"stopped while waiting to {enrolment.prompt}")
            enrolment = self.enrol_step(enrolment)
        if enrolment.phase is Phase.FAILED:
            return Failure(enrolment.failure, "enrolment failed")
        return Ok(page_id)
