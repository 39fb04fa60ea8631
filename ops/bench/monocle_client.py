"""A small client of Monocle's API for the benchmark set-up scripts: JSON calls and TOTP codes."""
import base64, hashlib, hmac, json, struct, time, urllib.request


class Monocle:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, token=None, content_type="application/json", raw=None):
        headers = {"Content-Type": content_type}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        request = urllib.request.Request(self.base + path, data=data, headers=headers, method=method)
        with urllib.request.urlopen(request, timeout=600) as response:
            return json.loads(response.read() or b"{}")

    def enrolled_root(self, admin_password):
        """Signs the bootstrap admin in, enrolling TOTP (a fresh server): returns its grant."""
        first = self.call("POST", "/api/v1/auth/login",
                          {"tenant": "platform", "username": "root", "password": admin_password})
        secret = self.call("POST", "/api/v1/auth/mfa/enrollment", {"mfa_token": first["mfa_token"]})["secret"]
        return self.call("POST", "/api/v1/auth/mfa/enrollment/confirm",
                         {"mfa_token": first["mfa_token"], "code": totp(secret)})


def totp(secret):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)
