<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Audit trail">
<p class="hint">Every sign-in, denial and administrative change, newest first, in a hash chain that shows any later change to a recorded event.</p>

<form method="get" action="<c:out value='${pageContext.request.contextPath}'/>/admin/audit" class="card" id="filter">
  <div class="row">
    <div>
      <label for="from">From</label>
      <input id="from" name="from" maxlength="100" placeholder="2026-01-31T00:00:00Z" value="<c:out value='${param.from}'/>">
    </div>
    <div>
      <label for="to">To</label>
      <input id="to" name="to" maxlength="100" placeholder="2026-02-01T00:00:00Z" value="<c:out value='${param.to}'/>">
    </div>
    <div>
      <label for="actor">Actor id</label>
      <input id="actor" name="actor" maxlength="64" value="<c:out value='${param.actor}'/>">
    </div>
    <div>
      <label for="action">Action</label>
      <input id="action" name="action" maxlength="64" placeholder="admin.*" value="<c:out value='${param.action}'/>">
    </div>
    <div>
      <label for="outcome">Outcome</label>
      <select id="outcome" name="outcome">
        <option value="">any</option>
        <c:forEach var="o" items="success,failure,denied">
          <option value="<c:out value='${o}'/>"<c:if test="${param.outcome == o}"> selected</c:if>><c:out value="${o}"/></option>
        </c:forEach>
      </select>
    </div>
    <button type="submit" id="search">Show events</button>
  </div>
  <p class="hint">Times in RFC 3339 (2026-01-31T12:00:00Z), from inclusive, to exclusive. An action is exact (auth.login) or a prefix ending in .* (admin.*).</p>
</form>

<table id="events">
  <thead><tr><th>Seq</th><th>Time</th><th>Tenant</th><th>Actor</th><th>Action</th><th>Target</th><th>Outcome</th><th>Reason</th><th>Request id</th></tr></thead>
  <tbody>
    <c:forEach var="e" items="${events}">
      <tr id="event-<c:out value='${e.seq()}'/>">
        <td><c:out value="${e.seq()}"/></td>
        <td><c:out value="${e.at()}"/></td>
        <td><code><c:out value="${e.tenant()}" default="—"/></code></td>
        <td><code><c:out value="${e.actor().type()}"/><c:if test="${not empty e.actor().id()}">:<c:out value="${e.actor().id()}"/></c:if></code></td>
        <td><code><c:out value="${e.action()}"/></code></td>
        <td><c:choose>
          <c:when test="${empty e.target()}"><span class="muted">—</span></c:when>
          <c:otherwise><code><c:out value="${e.target().type()}"/><c:if test="${not empty e.target().id()}">:<c:out value="${e.target().id()}"/></c:if></code></c:otherwise>
        </c:choose></td>
        <td><span class="badge <c:out value='${e.outcome() == "success" ? "ok" : (e.outcome() == "denied" ? "bad" : "warn")}'/>"><c:out value="${e.outcome()}"/></span></td>
        <td><c:out value="${e.reason()}"/></td>
        <td><code><c:out value="${e.requestId()}"/></code></td>
      </tr>
    </c:forEach>
    <c:if test="${empty events}"><tr><td colspan="9" class="muted">No events match.</td></tr></c:if>
  </tbody>
</table>
<p class="pager">
  <c:if test="${not empty nextCursor}">
    <c:url var="older" value="/admin/audit">
      <c:if test="${not empty param.from}"><c:param name="from" value="${param.from}"/></c:if>
      <c:if test="${not empty param.to}"><c:param name="to" value="${param.to}"/></c:if>
      <c:if test="${not empty param.actor}"><c:param name="actor" value="${param.actor}"/></c:if>
      <c:if test="${not empty param.action}"><c:param name="action" value="${param.action}"/></c:if>
      <c:if test="${not empty param.outcome}"><c:param name="outcome" value="${param.outcome}"/></c:if>
      <c:param name="cursor" value="${nextCursor}"/>
    </c:url>
    <a id="older" href="<c:out value='${older}'/>">Older events</a>
  </c:if>
  <c:if test="${not empty param.cursor}">
    <a id="newest" href="<c:out value='${pageContext.request.contextPath}'/>/admin/audit">Back to the newest</a>
  </c:if>
</p>

<section class="card narrow" id="chain">
  <h2>Chain verification</h2>
  <c:choose>
    <c:when test="${empty chain}"><p><span class="badge warn">not verified yet</span> on this node</p></c:when>
    <c:when test="${chain.result().valid()}">
      <p><span class="badge ok">intact</span> <c:out value="${chain.result().checked()}"/> events checked, head at seq <c:out value="${chain.result().headSeq()}"/></p>
      <p class="muted">at <c:out value="${chain.at()}"/></p>
    </c:when>
    <c:otherwise>
      <p><span class="badge bad">broken</span> at seq <c:out value="${chain.result().firstInvalidSeq()}"/>: <c:out value="${chain.result().reason()}"/></p>
      <p class="muted">at <c:out value="${chain.at()}"/></p>
    </c:otherwise>
  </c:choose>
  <m:form action="/admin/audit">
    <p class="hint">Reads every event and checks each hash and signed checkpoint; on a large trail this takes a while.</p>
    <button type="submit" id="verify">Verify chain</button>
  </m:form>
</section>
</m:page>
