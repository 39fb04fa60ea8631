<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<c:choose>
  <c:when test="${status == 403 and reason == 'csrf'}"><c:set var="heading" value="Form refused"/></c:when>
  <c:when test="${status == 403}"><c:set var="heading" value="Not allowed"/></c:when>
  <c:when test="${status == 404}"><c:set var="heading" value="Not found"/></c:when>
  <c:otherwise><c:set var="heading" value="Could not do that"/></c:otherwise>
</c:choose>
<m:page title="${heading}">
<div class="card" id="refused">
<c:choose>
  <c:when test="${reason == 'csrf'}"><p>This form has expired or did not come from this console. Go back, reload the page and try again.</p></c:when>
  <c:when test="${status == 403}"><p>Your role does not give access to this page.</p></c:when>
  <c:when test="${status == 404}"><p>There is no such page, or it is not yours to see.</p></c:when>
</c:choose>
<p><a href="<c:out value='${pageContext.request.contextPath}'/>/admin/dashboard">Back to the dashboard</a></p>
</div>
</m:page>
