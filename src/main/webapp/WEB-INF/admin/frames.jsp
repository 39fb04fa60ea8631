<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<m:page title="Frames">
<p class="hint">
  <c:choose>
    <c:when test="${everyTenant}">As a platform admin you see the frames of every tenant, drafts and archived ones included.</c:when>
    <c:otherwise>The frames of your tenant, drafts and archived ones included.</c:otherwise>
  </c:choose>
  Open a frame to edit it.
</p>
<form method="get" action="<c:out value='${pageContext.request.contextPath}'/>/admin/frames" class="card" id="search">
  <div class="row">
    <div>
      <label for="q">Search</label>
      <input id="q" name="q" type="search" maxlength="200" value="<c:out value='${param.q}'/>" placeholder="name, brand, model, tags">
    </div>
    <div>
      <label for="brand">Brand</label>
      <input id="brand" name="brand" maxlength="100" value="<c:out value='${param.brand}'/>">
    </div>
    <div>
      <label for="shape">Shape</label>
      <select id="shape" name="shape">
        <option value="">any</option>
        <c:forEach var="s" items="${shapes}">
          <option value="<c:out value='${s}'/>"<c:if test="${param.shape == s}"> selected</c:if>><c:out value="${s}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="status">Status</label>
      <select id="status" name="status">
        <option value="">any</option>
        <c:forEach var="s" items="${statuses}">
          <option value="<c:out value='${s}'/>"<c:if test="${param.status == s}"> selected</c:if>><c:out value="${s}"/></option>
        </c:forEach>
      </select>
    </div>
    <div>
      <label for="in_stock">Stock</label>
      <select id="in_stock" name="in_stock">
        <option value="">any</option>
        <option value="true"<c:if test="${param.in_stock == 'true'}"> selected</c:if>>in stock</option>
        <option value="false"<c:if test="${param.in_stock == 'false'}"> selected</c:if>>out of stock</option>
      </select>
    </div>
    <div>
      <label for="sort">Order</label>
      <select id="sort" name="sort">
        <option value="">relevance or newest</option>
        <option value="newest"<c:if test="${param.sort == 'newest'}"> selected</c:if>>newest</option>
        <option value="name"<c:if test="${param.sort == 'name'}"> selected</c:if>>name</option>
        <option value="price"<c:if test="${param.sort == 'price'}"> selected</c:if>>price, lowest first</option>
        <option value="-price"<c:if test="${param.sort == '-price'}"> selected</c:if>>price, highest first</option>
      </select>
    </div>
    <button type="submit" id="find">Search</button>
  </div>
</form>

<c:choose>
  <c:when test="${empty frames}"><p class="card" id="no-frames">No frames found.</p></c:when>
  <c:otherwise>
    <table id="frames">
      <thead>
        <tr><th>SKU</th><th>Name</th><th>Brand</th><th>Shape</th><th>Price</th><th>Status</th><th>Quality issues</th></tr>
      </thead>
      <tbody>
      <c:forEach var="f" items="${frames}">
        <tr>
          <td><code><c:out value="${f.sku()}"/></code></td>
          <td><a id="frame-<c:out value='${f.id()}'/>" href="<c:out value='${pageContext.request.contextPath}'/>/admin/frames/<c:out value='${f.id()}'/>"><c:out value="${f.name()}"/></a></td>
          <td><c:out value="${f.brand()}"/></td>
          <td><c:out value="${f.shape()}"/></td>
          <td><c:if test="${not empty f.price()}"><c:out value="${f.price().amount()}"/> <c:out value="${f.price().currency()}"/></c:if></td>
          <td><span class="badge <c:out value='${f.status() == "active" ? "ok" : (f.status() == "draft" ? "warn" : "")}'/>"><c:out value="${f.status()}"/></span></td>
          <td>
            <c:choose>
              <c:when test="${empty f.quality().issues()}"><span class="badge ok">none</span></c:when>
              <c:otherwise>
                <span class="badge bad"><c:out value="${f.quality().issues().size()}"/></span>
                <c:forEach var="issue" items="${f.quality().issues()}"><span class="badge warn"><c:out value="${issue}"/></span> </c:forEach>
              </c:otherwise>
            </c:choose>
          </td>
        </tr>
      </c:forEach>
      </tbody>
    </table>
  </c:otherwise>
</c:choose>
<c:if test="${not empty nextCursor}">
  <c:url var="next" value="/admin/frames">
    <c:if test="${not empty param.q}"><c:param name="q" value="${param.q}"/></c:if>
    <c:if test="${not empty param.brand}"><c:param name="brand" value="${param.brand}"/></c:if>
    <c:if test="${not empty param.shape}"><c:param name="shape" value="${param.shape}"/></c:if>
    <c:if test="${not empty param.status}"><c:param name="status" value="${param.status}"/></c:if>
    <c:if test="${not empty param.in_stock}"><c:param name="in_stock" value="${param.in_stock}"/></c:if>
    <c:if test="${not empty param.sort}"><c:param name="sort" value="${param.sort}"/></c:if>
    <c:param name="cursor" value="${nextCursor}"/>
  </c:url>
  <p class="pager"><a id="next-page" href="<c:out value='${next}'/>">Next page</a></p>
</c:if>
</m:page>
