<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Keys and retention">
<p class="hint">Key ids, states and ages only: key material never leaves the keyrings. Every rotation and retention change is recorded in the audit trail with you as actor.</p>

<section class="card" id="signing">
  <h2>Signing keys</h2>
  <p class="hint">Sign access tokens. A new key is published at once and signs after the publish delay; the old key stays published until the tokens it signed have expired.</p>
  <table id="signing-keys">
    <thead><tr><th>Key id</th><th>State</th><th>Created</th><th>Age (days)</th><th>Signs from</th><th>Retired</th></tr></thead>
    <tbody>
      <c:forEach var="row" items="${signing}">
        <tr>
          <td><code><c:out value="${row.key().kid()}"/></code></td>
          <td><span class="badge <c:out value='${row.key().state() == "active" ? "ok" : (row.key().state() == "published" ? "warn" : "")}'/>"><c:out value="${row.key().state()}"/></span></td>
          <td><c:out value="${row.key().createdAt()}"/></td>
          <td><c:out value="${row.ageDays()}" default="—"/></td>
          <td><c:out value="${row.key().activeFrom()}"/></td>
          <td><c:out value="${row.key().retiredAt()}" default="—"/></td>
        </tr>
      </c:forEach>
      <c:if test="${empty signing}"><tr><td colspan="6" class="muted">No signing keys.</td></tr></c:if>
    </tbody>
  </table>
  <m:form action="/admin/keys" css="inline">
    <input type="hidden" name="action" value="rotate-signing">
    <button type="submit" id="rotate-signing">Rotate signing key</button>
  </m:form>
</section>

<section class="card" id="data">
  <h2>Data keys</h2>
  <p class="hint">Seal personal data and secrets. The primary key seals new values; retired keys keep opening old ones until re-encryption has moved them, then they are removed.</p>
  <table id="data-keys">
    <thead><tr><th>Key id</th><th>State</th><th>Created</th><th>Age (days)</th><th>Retired</th><th>Removed</th></tr></thead>
    <tbody>
      <c:forEach var="k" items="${data.keys()}">
        <tr>
          <td><code><c:out value="${k.id()}"/></code><c:if test="${k.id() == data.primaryKeyId()}"> <span class="badge ok">primary</span></c:if></td>
          <td><c:out value="${k.state()}"/></td>
          <td><c:out value="${k.createdAt()}" default="—"/></td>
          <td><c:out value="${k.ageDays()}" default="—"/></td>
          <td><c:out value="${k.retiredAt()}" default="—"/></td>
          <td><c:out value="${k.removedAt()}" default="—"/></td>
        </tr>
      </c:forEach>
      <c:if test="${empty data.keys()}"><tr><td colspan="6" class="muted">No data keys.</td></tr></c:if>
    </tbody>
  </table>
  <p class="muted" id="blind-index">Blind-index key <code><c:out value="${blindIndex.id()}"/></code>,
    <c:out value="${blindIndex.state()}"/><c:if test="${not empty blindIndex.ageDays()}">, <c:out value="${blindIndex.ageDays()}"/> days old</c:if>.</p>

  <h2>Re-encryption</h2>
  <c:choose>
    <c:when test="${empty data.reencryption()}"><p id="reencryption" class="muted">No re-encryption has run yet.</p></c:when>
    <c:otherwise>
      <c:set var="job" value="${data.reencryption()}"/>
      <div id="reencryption">
        <p><span class="badge <c:out value='${job.state() == "finished" ? "ok" : "warn"}'/>"><c:out value="${job.state()}"/></span>
           onto key <code><c:out value="${job.targetKeyId()}"/></code>: <strong id="reencryption-percent"><c:out value="${job.percent()}"/>%</strong></p>
        <progress max="100" value="<c:out value='${job.percent()}'/>"><c:out value="${job.percent()}"/>%</progress>
        <p class="muted"><c:out value="${job.rowsScanned()}"/> of <c:out value="${job.rowsTotal()}"/> rows scanned,
           <c:out value="${job.valuesResealed()}"/> values resealed in <c:out value="${job.passes()}"/> passes;
           started <c:out value="${job.startedAt()}"/><c:if test="${not empty job.finishedAt()}">, finished <c:out value="${job.finishedAt()}"/></c:if>.</p>
      </div>
    </c:otherwise>
  </c:choose>
  <m:form action="/admin/keys" css="inline">
    <input type="hidden" name="action" value="rotate-data">
    <button type="submit" id="rotate-data">Rotate data key</button>
  </m:form>
</section>

<section class="card" id="retention-policies">
  <h2>Retention</h2>
  <p class="hint">How long each class of data is kept. The schedule runs every <c:out value="${retention.everyHours()}"/> hours<c:if test="${not empty retention.lastScheduledRun()}">, last at <c:out value="${retention.lastScheduledRun()}"/></c:if>. A period cannot go below its minimum; fixed classes cannot be changed.</p>
  <table id="retention">
    <thead><tr><th>Data class</th><th>Kept (days)</th><th>Default</th><th>Minimum</th><th>Set by</th><th>Last run</th><th>Change</th></tr></thead>
    <tbody>
      <c:forEach var="p" items="${retention.policies()}">
        <tr id="policy-<c:out value='${p.dataClass()}'/>">
          <td><code><c:out value="${p.dataClass()}"/></code><div class="muted"><c:out value="${p.description()}"/></div></td>
          <td><c:out value="${p.periodDays()}"/></td>
          <td><c:out value="${p.defaultDays()}"/></td>
          <td><c:out value="${p.minimumDays()}"/></td>
          <td><c:out value="${p.source()}"/></td>
          <td>
            <c:choose>
              <c:when test="${empty p.lastRun()}"><span class="muted">never</span></c:when>
              <c:otherwise>
                <c:out value="${p.lastRun().startedAt()}"/> (<c:out value="${p.lastRun().trigger()}"/>):
                <c:out value="${p.lastRun().purged()}"/> purged,
                <span class="badge <c:out value='${p.lastRun().outcome() == "success" ? "ok" : "bad"}'/>"><c:out value="${p.lastRun().outcome()}"/></span>
              </c:otherwise>
            </c:choose>
          </td>
          <td class="actions">
            <c:choose>
              <c:when test="${p.adjustable()}">
                <m:form action="/admin/keys" css="inline">
                  <input type="hidden" name="action" value="update-retention">
                  <input type="hidden" name="data_class" value="<c:out value='${p.dataClass()}'/>">
                  <label for="period_days-<c:out value='${p.dataClass()}'/>">Days</label>
                  <input type="number" id="period_days-<c:out value='${p.dataClass()}'/>" name="period_days" min="<c:out value='${p.minimumDays()}'/>" max="36500" required
                         value="<c:out value='${param.data_class == p.dataClass() and not empty param.period_days ? param.period_days : p.periodDays()}'/>">
                  <button type="submit" id="save-<c:out value='${p.dataClass()}'/>" class="secondary">Save</button>
                </m:form>
              </c:when>
              <c:otherwise><span class="muted">fixed</span></c:otherwise>
            </c:choose>
          </td>
        </tr>
      </c:forEach>
      <c:if test="${empty retention.policies()}"><tr><td colspan="7" class="muted">No retention policies.</td></tr></c:if>
    </tbody>
  </table>
  <m:form action="/admin/keys" css="inline">
    <input type="hidden" name="action" value="run-retention">
    <button type="submit" id="run-retention">Run retention now</button>
  </m:form>
</section>
</m:page>
