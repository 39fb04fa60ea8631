<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Dashboard">
<div class="grid">
  <section class="card" id="health">
    <h2>Health of this node</h2>
    <table>
      <c:forEach var="check" items="${checks}">
        <tr><td><c:out value="${check.name()}"/></td>
            <td><span class="badge <c:out value='${check.up() ? "ok" : "bad"}'/>"><c:out value="${check.up() ? 'up' : 'down'}"/></span></td></tr>
      </c:forEach>
    </table>
  </section>
  <section class="card" id="attacks">
    <h2>Last hour</h2>
    <div class="stat" id="auth-failures"><c:out value="${authFailures}"/></div>
    <div class="stat-label">failed sign-ins and code checks</div>
    <div class="stat" id="denials"><c:out value="${denials}"/></div>
    <div class="stat-label">requests denied by role or tenant</div>
    <div class="stat" id="rate-limited"><c:out value="${rateLimited}"/></div>
    <div class="stat-label">rate-limit refusals since this node started</div>
  </section>
  <section class="card" id="chain">
    <h2>Audit chain</h2>
    <c:choose>
      <c:when test="${empty chain}"><p><span class="badge warn">not verified yet</span></p></c:when>
      <c:when test="${chain.result().valid()}">
        <p><span class="badge ok">intact</span> <c:out value="${chain.result().checked()}"/> events checked</p>
        <p class="muted">at <c:out value="${chain.at()}"/></p>
      </c:when>
      <c:otherwise>
        <p><span class="badge bad">broken</span> from event <c:out value="${chain.result().firstInvalidSeq()}"/>:
           <c:out value="${chain.result().reason()}"/></p>
      </c:otherwise>
    </c:choose>
    <c:if test="${console.may()['/admin/audit']}"><p><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/audit">Open the audit trail</a></p></c:if>
  </section>
  <section class="card" id="pool">
    <h2>Decoder pool</h2>
    <c:choose>
      <c:when test="${pool.nodes() == 0}"><p><span class="badge warn">no remote nodes</span> translation runs on this node's engine</p></c:when>
      <c:otherwise>
        <p><span class="badge <c:out value='${pool.up() == pool.nodes() ? "ok" : (pool.up() == 0 ? "bad" : "warn")}'/>"><c:out value="${pool.up()}"/> of <c:out value="${pool.nodes()}"/> up</span></p>
      </c:otherwise>
    </c:choose>
    <c:if test="${console.may()['/admin/decoders']}"><p><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/decoders">Manage decoders</a></p></c:if>
  </section>
</div>
</m:page>
