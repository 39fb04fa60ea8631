<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Customers">
<p class="hint">
  <c:choose>
    <c:when test="${everyTenant}">The customers of every tenant, masked.</c:when>
    <c:otherwise>The customers of your tenant, masked.</c:otherwise>
  </c:choose>
  Unmask shows one customer's values once; each unmasking is recorded in the audit trail with your name.
</p>
<c:choose>
  <c:when test="${empty customers}"><p class="card" id="no-customers">No customers yet.</p></c:when>
  <c:otherwise>
    <table id="customers">
      <thead>
        <tr><th>Name</th><th>Email</th><th>Phone</th><th>Date of birth</th><th>Consent</th><th>Created</th><th>Last activity</th><th>Actions</th></tr>
      </thead>
      <tbody>
      <c:forEach var="cu" items="${customers}">
        <tr id="customer-<c:out value='${cu.id()}'/>">
          <td><c:out value="${cu.fullName()}"/></td>
          <td><c:out value="${cu.email()}"/></td>
          <td><c:out value="${cu.phone()}"/></td>
          <td><c:out value="${cu.dateOfBirth()}"/></td>
          <td>
            <c:if test="${cu.consent().marketing()}"><span class="badge ok">marketing</span></c:if>
            <c:if test="${cu.consent().biometric()}"><span class="badge ok">biometric</span></c:if>
            <c:if test="${not cu.consent().marketing() and not cu.consent().biometric()}"><span class="muted">none</span></c:if>
          </td>
          <td><c:out value="${cu.createdAt()}"/></td>
          <td><c:out value="${cu.lastActivityAt()}"/></td>
          <td class="actions">
            <m:form action="/admin/customers" css="inline">
              <input type="hidden" name="id" value="<c:out value='${cu.id()}'/>">
              <c:if test="${not empty param.cursor}"><input type="hidden" name="cursor" value="<c:out value='${param.cursor}'/>"></c:if>
              <button type="submit" class="secondary" id="unmask-<c:out value='${cu.id()}'/>">Unmask</button>
            </m:form>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<c:if test="${not empty nextCursor}">
  <c:url var="next" value="/admin/customers"><c:param name="cursor" value="${nextCursor}"/></c:url>
  <p class="pager"><a id="next-page" href="<c:out value='${next}'/>">Next page</a></p>
</c:if>
</m:page>
