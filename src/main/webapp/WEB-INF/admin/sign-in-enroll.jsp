<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Set up two-step sign-in">
<div class="card narrow">
  <p>The console needs a second step at every sign-in. Scan this code with an authenticator app
  (FreeOTP, Aegis, Google Authenticator, 1Password, ...), then enter the six-digit code it shows.</p>
  <img class="qr" id="qr" alt="QR code of your authenticator secret" width="240" height="240"
       src="data:image/png;base64,<c:out value='${enrollment.qrPngBase64()}'/>">
  <p class="hint">Cannot scan? Enter this key by hand:</p>
  <p><code id="totp-secret" class="secret"><c:out value="${enrollment.secret()}"/></code></p>
</div>
<m:form action="/admin/sign-in/enroll" css="card narrow">
  <label for="code">Code from your authenticator app</label>
  <input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus>
  <button type="submit" id="confirm">Turn on and sign in</button>
</m:form>
</m:page>
