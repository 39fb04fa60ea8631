<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Decoders">
<p class="hint">The translation engines this instance sends work to. A drained node finishes what it has and gets no new work. Nodes from the instance's settings can be drained here, not removed.</p>
<c:choose>
  <c:when test="${empty nodes}"><p class="card" id="no-decoders">No decoder nodes yet.</p></c:when>
  <c:otherwise>
    <table id="decoders">
      <thead>
        <tr><th>Id</th><th>Address</th><th>Kind</th><th>Language pairs</th><th>Health</th><th>In flight</th><th>Latency p50 (ms)</th><th>Circuit</th><th>Drained</th><th>Actions</th></tr>
      </thead>
      <tbody>
      <c:forEach var="row" items="${nodes}">
        <c:set var="n" value="${row.node()}"/>
        <tr id="node-<c:out value='${n.id()}'/>">
          <td><code><c:out value="${n.id()}"/></code></td>
          <td><c:out value="${n.url()}"/></td>
          <td><c:out value="${n.kind()}"/> <span class="muted">(<c:out value="${n.origin()}"/>)</span></td>
          <td>
            <c:choose>
              <c:when test="${empty n.pairs()}"><span class="muted">none known</span></c:when>
              <c:otherwise><c:forEach var="pair" items="${n.pairs()}" varStatus="s"><c:out value="${pair}"/><c:if test="${not s.last}">, </c:if></c:forEach></c:otherwise>
            </c:choose>
          </td>
          <td><span class="badge <c:out value='${n.healthy() ? "ok" : "bad"}'/>"><c:out value="${n.healthy() ? 'healthy' : 'down'}"/></span></td>
          <td><c:out value="${n.inFlight()}"/></td>
          <td><c:out value="${empty row.latencyP50Ms() ? '–' : row.latencyP50Ms()}"/></td>
          <td>
            <c:choose>
              <c:when test="${n.circuit() == 'closed'}"><span class="badge ok">closed</span></c:when>
              <c:when test="${n.circuit() == 'open'}"><span class="badge bad">open</span></c:when>
              <c:otherwise><span class="badge warn"><c:out value="${n.circuit()}"/></span></c:otherwise>
            </c:choose>
          </td>
          <td><c:choose><c:when test="${n.drained()}"><span class="badge warn">drained</span></c:when><c:otherwise><span class="muted">no</span></c:otherwise></c:choose></td>
          <td class="actions">
            <m:form action="/admin/decoders" css="inline">
              <input type="hidden" name="action" value="drain">
              <input type="hidden" name="id" value="<c:out value='${n.id()}'/>">
              <input type="hidden" name="drained" value="<c:out value='${not n.drained()}'/>">
              <button type="submit" class="secondary" id="drain-<c:out value='${n.id()}'/>"><c:out value="${n.drained() ? 'Undrain' : 'Drain'}"/></button>
            </m:form>
            <c:if test="${n.origin() == 'registered'}">
              <m:form action="/admin/decoders" css="inline">
                <input type="hidden" name="action" value="remove">
                <input type="hidden" name="id" value="<c:out value='${n.id()}'/>">
                <button type="submit" class="danger" id="remove-<c:out value='${n.id()}'/>">Remove</button>
              </m:form>
            </c:if>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>

<h2>Add decoder</h2>
<m:form action="/admin/decoders" css="card">
  <input type="hidden" name="action" value="add">
  <div class="row">
    <div>
      <label for="url">Base address</label>
      <input id="url" name="url" maxlength="2048" required placeholder="https://decoder-1.internal:8443" value="<c:out value='${param.action == "add" ? param.url : ""}'/>">
    </div>
    <div>
      <label for="kind">Kind</label>
      <select id="kind" name="kind">
        <option value="monocle"<c:if test="${param.action == 'add' and param.kind == 'monocle'}"> selected</c:if>>Monocle node</option>
        <option value="apy"<c:if test="${param.action == 'add' and param.kind == 'apy'}"> selected</c:if>>Apertium APy</option>
      </select>
    </div>
    <div>
      <label for="api_key">API key (Monocle nodes)</label>
      <input id="api_key" name="api_key" type="password" maxlength="512" autocomplete="off">
    </div>
    <button type="submit" id="add">Add decoder</button>
  </div>
  <p class="hint">A Monocle node needs an API key with the decoder:node scope; an APy node takes none. The node is probed at once.</p>
</m:form>
</m:page>
