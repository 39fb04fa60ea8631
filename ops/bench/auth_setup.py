"""Prepares an auth benchmark on a running Monocle: the bootstrap admin enrolls TOTP, creates a
tenant and a user, and the user signs in once per wrk connection. Prints JSON for auth.sh."""
import base64, hashlib, hmac, json, struct, sys, time, urllib.request

base, admin_password, connections = sys.argv[1], sys.argv[2], int(sys.argv[3])


def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


def totp(secret):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


first = call("POST", "/api/v1/auth/login", {"tenant": "platform", "username": "root", "password": admin_password})
secret = call("POST", "/api/v1/auth/mfa/enrollment", {"mfa_token": first["mfa_token"]})["secret"]
admin = call("POST", "/api/v1/auth/mfa/enrollment/confirm", {"mfa_token": first["mfa_token"], "code": totp(secret)})
call("POST", "/api/v1/admin/tenants", {"slug": "bench", "name": "Bench"}, admin["access_token"])
user_password = "bench user walks eleven quiet miles"
call("POST", "/api/v1/admin/users", {"tenant": "bench", "username": "walker", "email": "walker@bench.example",
                                     "password": user_password, "roles": ["viewer"]}, admin["access_token"])
login = {"tenant": "bench", "username": "walker", "password": user_password}
grants = [call("POST", "/api/v1/auth/login", login) for _ in range(connections)]
print(json.dumps({"login_body": json.dumps(login), "access_token": grants[0]["access_token"],
                  "refresh_tokens": [g["refresh_token"] for g in grants]}))
